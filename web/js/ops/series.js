/**
 * Turns successive ops overviews (cumulative counters, see GET /api/v1/ops/overview) into rates
 * and percentiles per poll interval, the way Prometheus' rate() and histogram_quantile() would.
 * A counter that went down (an instance restarted) makes that interval a gap, never a spike.
 */

/** How much history the charts keep and show. */
export const WINDOW_MS = 5 * 60 * 1000;

/**
 * Keeps the overviews of the last window: appends `overview` unless it is the same snapshot as the
 * last one (the gateway shares one snapshot between callers for a moment).
 * @param {Array<object>} history oldest first; changed in place
 * @param {object} overview as the API returns it
 * @returns {Array<object>} the same array
 */
export function remember(history, overview) {
  const at = Date.parse(overview.generatedAt);
  const last = history.at(-1);
  if (last && at <= last.at) return history;
  history.push({ at, overview });
  while (history.length > 1 && history[0].at < at - WINDOW_MS) history.shift();
  return history;
}

/**
 * One point per interval between successive overviews, at the interval's end.
 * @param {Array<{at: number, overview: object}>} history
 * @returns {Array<{at: number, streamStarts: ?number, errorRate: ?number, p50: ?number,
 *   p99: ?number, mean: ?number}>} per second, share (0..1) and seconds; null where unknown
 */
export function points(history) {
  const result = [];
  for (let i = 1; i < history.length; i++) {
    const before = history[i - 1];
    const after = history[i];
    result.push({ at: after.at, ...interval(before.overview.traffic, after.overview.traffic, (after.at - before.at) / 1000) });
  }
  return result;
}

function interval(before, after, seconds) {
  const starts = after.streamStarts - before.streamStarts;
  const requests = delta(before.requests, after.requests);
  return {
    streamStarts: starts >= 0 && seconds > 0 ? starts / seconds : null,
    errorRate: requests && requests.count > 0 ? requests.errors / requests.count : null,
    p50: requests ? quantile(0.5, requests.buckets, requests.count) : null,
    p99: requests ? quantile(0.99, requests.buckets, requests.count) : null,
    mean: requests && requests.count > 0 ? requests.sumSeconds / requests.count : null,
  };
}

/**
 * The requests answered between two sets of cumulative request counters.
 * @param {object} before `{count, byStatusClass, sumSeconds, buckets}`
 * @param {object} after the same, later
 * @returns {?{count: number, errors: number, sumSeconds: number, buckets: Array<{le: number, count: number}>}}
 *     null when a counter went down (a restart)
 */
export function delta(before, after) {
  const count = after.count - before.count;
  const errors = (after.byStatusClass['5xx'] || 0) - (before.byStatusClass['5xx'] || 0);
  const earlier = new Map(before.buckets.map((b) => [b.le, b.count]));
  const buckets = after.buckets.map((b) => ({ le: b.le, count: b.count - (earlier.get(b.le) || 0) }));
  if (count < 0 || errors < 0 || buckets.some((b) => b.count < 0)) return null;
  return { count, errors, sumSeconds: after.sumSeconds - before.sumSeconds, buckets };
}

/**
 * The q-quantile of a cumulative latency histogram, interpolated linearly inside its bucket as
 * Prometheus' histogram_quantile does. Beyond the last finite bound it answers that bound.
 * @param {number} q 0..1
 * @param {Array<{le: number, count: number}>} buckets cumulative, ascending
 * @param {number} count all observations (the +Inf bucket)
 * @returns {?number} seconds; null without observations or buckets
 */
export function quantile(q, buckets, count) {
  if (!(count > 0) || buckets.length === 0) return null;
  const rank = q * count;
  let lower = 0;
  let below = 0;
  for (const bucket of buckets) {
    if (bucket.count >= rank) {
      const inside = bucket.count - below;
      return inside > 0 ? lower + ((bucket.le - lower) * (rank - below)) / inside : bucket.le;
    }
    lower = bucket.le;
    below = bucket.count;
  }
  return lower;
}

/**
 * Requests per second and 5xx share of one service over the last interval.
 * @param {Array<{at: number, overview: object}>} history
 * @param {string} name service name
 * @returns {?{rate: number, errorRate: ?number}} null before two snapshots or after a restart
 */
export function serviceRates(history, name) {
  if (history.length < 2) return null;
  const [before, after] = history.slice(-2);
  const find = (entry) => entry.overview.services.find((s) => s.name === name);
  const earlier = find(before);
  const later = find(after);
  if (!earlier || !later) return null;
  const requests = delta(earlier.requests, later.requests);
  if (!requests) return null;
  const seconds = (after.at - before.at) / 1000;
  return { rate: requests.count / seconds, errorRate: requests.count > 0 ? requests.errors / requests.count : null };
}
