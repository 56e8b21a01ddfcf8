/**
 * Reel's adaptive bitrate: buffer-based rate selection in the spirit of Netflix's BBA
 * (Huang et al., "A Buffer-Based Approach to Rate Adaptation", SIGCOMM 2014).
 *
 * In steady state the rate is a function of the buffer alone (BBA-0): the lowest rung while the
 * buffer is in the reservoir, the top rung once it has passed the cushion (and the upper
 * reservoir above it), a linear rate map in between, and a switch only when the map crosses the
 * next rung up or down, which is the hysteresis that keeps small buffer wobbles from oscillating.
 * While the buffer is still small (start-up, BBA-2) the throughput of the last downloads lets
 * the rate climb as far as segments download several times faster than they play (8 times with
 * an empty buffer, 2 times once the cushion is full); start-up ends when the rate map overtakes
 * it or a segment downloads slower than real time. The first segment comes from the lowest rung,
 * which starts playback fastest. Whatever the map says, a segment that the measured throughput
 * could not bring in before the buffer falls into the reservoir is not chosen (reservoir
 * protection, for a link that has suddenly become slow). A manual quality choice overrides
 * everything.
 *
 * Everything above the adapter ({@link reelAbrController}) is pure and dependency-free.
 */

/**
 * @typedef {object} AbrSettings
 * @property {number} reservoirSeconds below this buffer the lowest rung is chosen
 * @property {number} cushionSeconds the rate map rises from the lowest to the top rung over this span
 * @property {number} upperReservoirSeconds buffer kept at the top rung above the cushion
 * @property {number} startupSafetyEmpty start-up climbs to a rung when the throughput is this many
 *     times its bitrate, with an empty buffer (BBA-2: 8, a segment downloading 8x faster than it plays)
 * @property {number} startupSafetyFull the same factor once the buffer reaches the end of the cushion
 */

/** @type {Readonly<AbrSettings>} */
export const DEFAULT_SETTINGS = Object.freeze({
  reservoirSeconds: 5,
  cushionSeconds: 15,
  upperReservoirSeconds: 10,
  startupSafetyEmpty: 8,
  startupSafetyFull: 2,
});

/**
 * How much media the player should buffer ahead: reservoir, cushion and upper reservoir.
 * @param {AbrSettings} [settings]
 * @returns {number} seconds
 */
export function maxBufferSeconds(settings = DEFAULT_SETTINGS) {
  return settings.reservoirSeconds + settings.cushionSeconds + settings.upperReservoirSeconds;
}

/**
 * The BBA rate map f(B): the lowest bitrate up to the reservoir, the highest from the end of the
 * cushion on, linear in between.
 * @param {number} bufferSeconds media buffered ahead of the playhead
 * @param {number} minBps the lowest rung's bitrate
 * @param {number} maxBps the top rung's bitrate
 * @param {AbrSettings} [settings]
 * @returns {number} the bitrate the buffer can afford, in bits per second
 */
export function rateMap(bufferSeconds, minBps, maxBps, settings = DEFAULT_SETTINGS) {
  const { reservoirSeconds: r, cushionSeconds: cu } = settings;
  if (bufferSeconds <= r) return minBps;
  if (bufferSeconds >= r + cu) return maxBps;
  return minBps + (maxBps - minBps) * ((bufferSeconds - r) / cu);
}

/**
 * BBA-0: the rung for a buffer level, switching away from `previousLevel` only when the rate map
 * has moved past the neighbouring rung (hysteresis).
 * @param {number[]} bitrates the ladder's bitrates, lowest first
 * @param {number} bufferSeconds media buffered ahead of the playhead
 * @param {number} previousLevel the rung in use (index into `bitrates`), -1 for none yet
 * @param {AbrSettings} [settings]
 * @returns {number} index into `bitrates`
 */
export function bufferLevel(bitrates, bufferSeconds, previousLevel, settings = DEFAULT_SETTINGS) {
  const top = bitrates.length - 1;
  const prev = clampLevel(previousLevel, top);
  const { reservoirSeconds: r, cushionSeconds: cu } = settings;
  if (bufferSeconds <= r) return 0;
  if (bufferSeconds >= r + cu) return top;
  const f = rateMap(bufferSeconds, bitrates[0], bitrates[top], settings);
  const up = bitrates[Math.min(prev + 1, top)];
  const down = bitrates[Math.max(prev - 1, 0)];
  if (prev < top && f >= up) return highestBelow(bitrates, f, prev);
  if (prev > 0 && f <= down) return lowestAbove(bitrates, f, prev);
  return prev;
}

/**
 * BBA-2 start-up: the highest rung the throughput affords with a safety factor (falling from
 * `startupSafetyEmpty` to `startupSafetyFull` as the buffer fills the reservoir and cushion),
 * never below the current rung (leaving start-up is what lowers it).
 * @param {number[]} bitrates the ladder's bitrates, lowest first
 * @param {number} bufferSeconds media buffered ahead of the playhead
 * @param {number} throughputBps measured download throughput; not finite or <= 0 when unknown
 * @param {number} previousLevel the rung in use, -1 for none yet
 * @param {AbrSettings} [settings]
 * @returns {number} index into `bitrates`
 */
export function startupLevel(bitrates, bufferSeconds, throughputBps, previousLevel, settings = DEFAULT_SETTINGS) {
  const top = bitrates.length - 1;
  const prev = clampLevel(previousLevel, top);
  if (!(throughputBps > 0)) return prev;
  const filled = Math.min(1, Math.max(0, bufferSeconds / (settings.reservoirSeconds + settings.cushionSeconds)));
  const safety = settings.startupSafetyEmpty + (settings.startupSafetyFull - settings.startupSafetyEmpty) * filled;
  let level = prev;
  while (level < top && throughputBps >= safety * bitrates[level + 1]) level++;
  return level;
}

/**
 * @typedef {object} AbrInput
 * @property {number[]} bitrates the ladder's bitrates, lowest first
 * @property {number} bufferSeconds media buffered ahead of the playhead
 * @property {number} throughputBps estimated download throughput (not finite or <= 0 when unknown)
 * @property {number} previousLevel the rung of the last segment, -1 before the first (which
 *     then comes from the lowest rung)
 * @property {boolean} startup whether the start-up phase is still on
 * @property {number} [segmentSeconds] the duration of the next segment; absent turns reservoir
 *     protection off
 * @property {number|null} [manualLevel] the viewer's quality choice; null or absent for automatic
 */

/**
 * @typedef {object} AbrDecision
 * @property {number} level index into `bitrates` for the next segment
 * @property {boolean} startup whether the start-up phase is still on after this decision
 */

/**
 * Chooses the rung of the next segment. Pure: the same input always gives the same decision, so
 * asking again before the next segment has loaded changes nothing.
 * @param {AbrInput} input
 * @param {AbrSettings} [settings]
 * @returns {AbrDecision}
 */
export function decide(input, settings = DEFAULT_SETTINGS) {
  const { bitrates, bufferSeconds, throughputBps, previousLevel, startup, segmentSeconds, manualLevel } = input;
  if (bitrates.length === 0) return { level: -1, startup };
  const top = bitrates.length - 1;
  if (Number.isInteger(manualLevel) && manualLevel >= 0) return { level: Math.min(manualLevel, top), startup };
  // The first segment: the lowest rung (the buffer is empty, the reservoir's rate), fastest to start.
  if (previousLevel < 0) return { level: 0, startup };
  const protect = (level) => protectReservoir(bitrates, level, bufferSeconds, throughputBps, segmentSeconds, settings);
  const mapped = bufferLevel(bitrates, bufferSeconds, previousLevel, settings);
  if (!startup) return { level: protect(mapped), startup: false };
  // A segment that downloaded slower than it plays drains the buffer: start-up is over.
  const draining = throughputBps > 0 && throughputBps < bitrates[Math.min(previousLevel, top)];
  const climbed = startupLevel(bitrates, bufferSeconds, throughputBps, previousLevel, settings);
  if (draining || mapped > climbed) return { level: protect(mapped), startup: false };
  return { level: climbed, startup: true };
}

/**
 * Lowers `level` until a segment of it would download (at `throughputBps`) before the buffer
 * falls into the reservoir; at least one segment's time is always allowed.
 * @param {number[]} bitrates the ladder's bitrates, lowest first
 * @param {number} level the rung the rate map chose
 * @param {number} bufferSeconds media buffered ahead of the playhead
 * @param {number} throughputBps measured download throughput; not finite or <= 0 when unknown
 * @param {number} [segmentSeconds] the next segment's duration; absent leaves `level` as it is
 * @param {AbrSettings} [settings]
 * @returns {number} index into `bitrates`
 */
export function protectReservoir(bitrates, level, bufferSeconds, throughputBps, segmentSeconds,
  settings = DEFAULT_SETTINGS) {
  if (!(throughputBps > 0) || !(segmentSeconds > 0)) return level;
  const spare = Math.max(bufferSeconds - settings.reservoirSeconds, segmentSeconds);
  let protectedLevel = level;
  while (protectedLevel > 0 && (bitrates[protectedLevel] * segmentSeconds) / throughputBps > spare) protectedLevel--;
  return protectedLevel;
}

/**
 * Builds an hls.js `abrController` class (pass it as `abrController` in the hls.js config): it
 * keeps hls.js' bandwidth estimator (the throughput input) and its emergency abort of a segment
 * that will not arrive in time, and replaces the level choice by {@link decide}. The first
 * segment comes from the lowest rung allowed. Set `startup` back to true after a seek (the
 * buffer starts over).
 * @param {Function} AbrControllerBase hls.js' `AbrController` (an export of hls.min.mjs)
 * @param {AbrSettings} [settings]
 * @returns {Function} the controller class; its instances have `manualLevel` (null for automatic)
 */
export function reelAbrController(AbrControllerBase, settings = DEFAULT_SETTINGS) {
  return class ReelAbrController extends AbrControllerBase {
    manualLevel = null;

    startup = true;

    /** hls.js asks this until its estimator has a sample, which comes only once a segment is buffered. */
    get firstAutoLevel() {
      const hls = this.hls;
      if (!hls) return 0;
      if (Number.isInteger(this.manualLevel)) return this.manualLevel;
      return this.lastLoadedFragLevel < 0 ? hls.minAutoLevel : this.getNextABRAutoLevel();
    }

    getNextABRAutoLevel() {
      const hls = this.hls;
      if (!hls) return -1;
      const ladder = candidates(hls, this.lastLoadedFragLevel);
      const decision = decide({
        bitrates: ladder.map((index) => hls.levels[index].bitrate),
        bufferSeconds: this.getStarvationDelay(),
        throughputBps: this.throughput(),
        previousLevel: ladder.indexOf(this.lastLoadedFragLevel),
        startup: this.startup,
        segmentSeconds: this.fragCurrent?.duration,
        manualLevel: Number.isInteger(this.manualLevel) ? ladder.indexOf(this.manualLevel) : null,
      }, settings);
      this.startup = decision.startup;
      return decision.level < 0 ? hls.loadLevel : ladder[decision.level];
    }

    /** hls.js' estimate, or before it has one the download rate of the last segment. */
    throughput() {
      if (this.bwEstimator?.canEstimate()) return this.getBwEstimate();
      const loading = this.fragCurrent?.stats?.loading;
      const millis = loading ? loading.end - loading.first : 0;
      return millis > 0 ? (this.fragCurrent.stats.loaded * 8000) / millis : NaN;
    }
  };
}

/**
 * The levels automatic selection may use, by increasing bitrate: those between hls.js' min and
 * max auto level with the codecs of the level in use (switching codecs mid-stream is avoided).
 */
function candidates(hls, currentLevel) {
  const { levels, minAutoLevel, maxAutoLevel } = hls;
  const codecs = (levels[currentLevel] || levels[minAutoLevel])?.codecSet;
  const ladder = [];
  for (let i = minAutoLevel; i <= maxAutoLevel && i < levels.length; i++) {
    if (levels[i].codecSet === codecs) ladder.push(i);
  }
  return ladder.sort((a, b) => levels[a].bitrate - levels[b].bitrate);
}

function clampLevel(level, top) {
  return Math.min(Math.max(level, 0), top);
}

function highestBelow(bitrates, rate, floor) {
  let level = floor;
  for (let i = floor + 1; i < bitrates.length && bitrates[i] < rate; i++) level = i;
  return level;
}

function lowestAbove(bitrates, rate, ceiling) {
  let level = ceiling;
  for (let i = ceiling - 1; i >= 0 && bitrates[i] > rate; i--) level = i;
  return level;
}
