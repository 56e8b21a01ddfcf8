/**
 * #/watch/:titleId?episode=&from=: the full-screen player. Starts a playback session, plays it
 * with hls.js (Reel's buffer-based ABR, ClearKey EME, edge fail-over), resumes from the bookmark,
 * sends heartbeats, and stops the session when the viewer leaves. While it plays,
 * `window.reelPlayer` exposes `stats()` and `stop()`.
 */
import { api, ApiError } from '../api.js';
import { h, navigate, stylesheet } from '../ui.js';
import { Controls } from './controls.js';
import { createEngine, HLS_MODULE } from './engine.js';
import { PlaybackMetrics, playRequestedAt } from './metrics.js';
import { heartbeats, resumeSeconds, startSession, stopSession } from './session.js';
import { loadThumbnails } from './trickplay.js';

/**
 * Renders the player and starts playback; resolves at once (playback starts in the background).
 * @param {HTMLElement} outlet
 * @param {{titleId: string}} params
 * @param {URLSearchParams} query `episode`, `from` (seconds)
 * @returns {Promise<function(): void>} cleanup: stops the session and the player
 */
export async function render(outlet, { titleId }, query) {
  const player = new WatchPage(titleId, query.get('episode'), query.get('from'));
  outlet.append(player.controls.element);
  player.controls.play.focus({ preventScroll: true });
  player.start();
  return () => player.stop();
}

class WatchPage {
  constructor(titleId, episodeId, from) {
    this.requestedAt = playRequestedAt(performance.now());
    this.titleId = titleId;
    this.episodeId = episodeId;
    this.from = from;
    this.aborter = new AbortController();
    this.left = false;
    this.failed = false;
    this.finished = null;
    this.engine = null;
    this.playback = null;
    this.stopHeartbeats = () => {};
    this.controls = new Controls({
      backLabel: 'Back to the title',
      onBack: () => navigate(`#/title/${encodeURIComponent(titleId)}`),
      onQuality: (level) => this.setQuality(level),
      onAudio: (index) => { if (this.engine) this.engine.hls.audioTrack = index; },
      onSubtitles: (index) => this.setSubtitles(index),
    });
    this.video = this.controls.video;
    this.metrics = new PlaybackMetrics(this.video, this.requestedAt, () => this.firstFrame());
    this.onPageHide = () => this.stop();
    addEventListener('pagehide', this.onPageHide);
    stylesheet('/css/player.css');
  }

  /** Everything the first frame needs runs in parallel: session, resume point, hls.js. */
  async start() {
    const hlsModule = import(HLS_MODULE);
    const resume = resumeSeconds(this.titleId, this.episodeId, this.from, this.aborter.signal);
    let playback;
    try {
      playback = await startSession(this.titleId, this.episodeId);
    } catch (error) {
      this.fail(sessionProblem(error));
      return;
    }
    if (this.left) {
      stopSession(playback.sessionId, 0);
      return;
    }
    this.playback = playback;
    preconnect(playback.edges[0]?.baseUrl);
    let module;
    let startSeconds;
    try {
      [module, startSeconds] = await Promise.all([hlsModule, resume]);
    } catch {
      this.fail({ title: 'The player could not be loaded', detail: 'Reload the page and try again.' });
      return;
    }
    if (this.left || this.finished) return;
    this.engine = createEngine(module, this.video, playback, startSeconds, {
      onFatal: (problem) => this.fail(problem),
    });
    if (!this.engine) return;
    this.listen(module.default.Events);
    this.video.play().catch((error) => { if (error.name === 'NotAllowedError') this.autoplayBlocked(); });
    this.stopHeartbeats = heartbeats(playback, () => this.heartbeat(), (error) => this.fail(sessionProblem(error)));
    this.api = { stats: () => this.stats(), stop: () => this.stop() };
    window.reelPlayer = this.api;
  }

  listen(Events) {
    const { hls } = this.engine;
    hls.on(Events.MANIFEST_PARSED, (event, data) => this.controls.setLevels(data.levels));
    hls.on(Events.LEVEL_SWITCHED, (event, data) => this.controls.showLevel(hls.autoLevelEnabled ? hls.levels[data.level] : null));
    hls.on(Events.AUDIO_TRACKS_UPDATED, (event, data) => this.controls.setAudioTracks(data.audioTracks, hls.audioTrack));
    hls.on(Events.SUBTITLE_TRACKS_UPDATED, (event, data) => this.controls.setSubtitleTracks(data.subtitleTracks, hls.subtitleTrack));
  }

  /** Muted autoplay is allowed where autoplay with sound is not; the viewer can unmute. */
  autoplayBlocked() {
    if (this.left || this.video.muted) return;
    this.video.muted = true;
    this.video.play().catch(() => this.controls.update());
  }

  /** What the first frame did not need: the thumbnails and the title's name. */
  firstFrame() {
    this.controls.busy(false);
    if (!this.engine) return;
    loadThumbnails(this.engine.edges.current.baseUrl).then((thumbnails) => this.controls.setThumbnails(thumbnails));
    this.showTitle();
  }

  async showTitle() {
    try {
      const title = await api(`/api/v1/titles/${encodeURIComponent(this.titleId)}`, { signal: this.aborter.signal });
      const episode = (title.seasons || []).flatMap((season) => season.episodes).find((e) => e.id === this.episodeId);
      this.controls.title.textContent = episode
        ? `${title.name}: S${episode.seasonNumber} E${episode.number} ${episode.name}` : title.name;
      document.title = `${title.name} · Reel`;
    } catch {
      // The name is a nicety; playback goes on without it.
    }
  }

  setQuality(level) {
    const { hls } = this.engine || {};
    if (!hls) return;
    hls.abrController.manualLevel = level;
    hls.nextLevel = level ?? -1;
    this.controls.showLevel(level === null ? hls.levels[hls.currentLevel] : null);
  }

  setSubtitles(index) {
    const { hls } = this.engine || {};
    if (!hls) return;
    hls.subtitleDisplay = index >= 0;
    hls.subtitleTrack = index;
  }

  /** @returns {number} the level playing (index into the ladder, 0 = lowest), -1 before the first */
  level() {
    const hls = this.engine?.hls;
    if (!hls) return -1;
    return hls.currentLevel >= 0 ? hls.currentLevel : hls.loadLevel;
  }

  bufferSeconds() {
    const { buffered, currentTime } = this.video;
    for (let i = 0; i < buffered.length; i++) {
      if (buffered.start(i) <= currentTime + 0.1 && currentTime <= buffered.end(i)) return buffered.end(i) - currentTime;
    }
    return 0;
  }

  stats() {
    const level = this.level();
    const rung = this.engine?.hls.levels[level];
    return {
      sessionId: this.playback?.sessionId ?? null,
      level,
      height: this.video.videoHeight || rung?.height || 0,
      bitrate: rung?.bitrate ?? 0,
      bufferSeconds: this.bufferSeconds(),
      rebuffers: this.metrics.rebuffers,
      timeToFirstFrameMs: this.metrics.timeToFirstFrameMs,
      edge: this.engine?.edges.current.id ?? null,
      position: this.video.currentTime,
    };
  }

  heartbeat() {
    const stats = this.stats();
    const sample = {
      positionMillis: Math.round(stats.position * 1000),
      bitrateBps: Math.round(stats.bitrate),
      bufferMillis: Math.round(stats.bufferSeconds * 1000),
      ...this.metrics.sinceLastReport(),
    };
    // The play delay goes to playback once, for its time-to-first-frame metric.
    if (stats.timeToFirstFrameMs !== null && !this.reportedFirstFrame) {
      this.reportedFirstFrame = true;
      sample.timeToFirstFrameMillis = stats.timeToFirstFrameMs;
    }
    return sample;
  }

  /** Shows a problem in words, with a way back (and a retry where one can help); ends the session. */
  fail({ title, detail, retry = true }) {
    if (this.left || this.failed) return;
    this.failed = true;
    this.finish(this.video.currentTime);
    const back = h('button', {
      type: 'button', class: 'button', id: 'player-error-back', text: 'Back to the title',
      on: { click: () => this.controls.onBack() },
    });
    const again = retry && h('button', {
      type: 'button', class: 'button player-error-retry', text: 'Try again',
      on: { click: () => location.reload() },
    });
    const box = h('div', { id: 'player-error', class: 'player-error', role: 'alert' },
      h('h2', { text: title }), detail && h('p', { text: detail }), h('div', { class: 'player-error-actions' }, back, again));
    this.controls.busy(false);
    this.controls.element.classList.add('failed');
    this.controls.element.append(box);
    back.focus();
  }

  /** Leaves the page: stops playback and the session; the promise ends when playback has been told. */
  stop() {
    if (!this.left) {
      this.left = true;
      removeEventListener('pagehide', this.onPageHide);
      this.finish(this.video.currentTime);
      this.controls.destroy();
    }
    return this.finished;
  }

  /** Stops the player, the heartbeats and (once) the session. */
  finish(positionSeconds) {
    this.aborter.abort();
    this.stopHeartbeats();
    this.metrics.destroy();
    this.engine?.hls.destroy();
    this.engine = null;
    if (window.reelPlayer === this.api) delete window.reelPlayer;
    this.finished ??= this.playback ? stopSession(this.playback.sessionId, positionSeconds * 1000) : Promise.resolve();
  }
}

/** A session start or heartbeat problem in words. */
function sessionProblem(error) {
  if (!(error instanceof ApiError)) return { title: 'Playback could not start', detail: error.message };
  const { status, problem } = error;
  if (status === 409 || status === 429) {
    const others = (problem.liveSessions || [])
      .map((live) => (live.deviceClass ? `${live.titleName} (${live.deviceClass})` : live.titleName)).filter(Boolean);
    const detail = sentence(problem.detail || 'This account is watching on too many screens.');
    return {
      title: problem.title || 'Too many streams',
      detail: others.length ? `${detail} Now playing: ${others.join(', ')}.` : detail,
    };
  }
  if (status === 403) {
    return { title: problem.title || 'You cannot watch this', detail: problem.detail || 'This profile is not allowed to play this title.', retry: false };
  }
  if (status === 404) {
    return { title: problem.title || 'Not available', detail: problem.detail || 'This title cannot be played.', retry: false };
  }
  return { title: problem.title || 'Playback could not start', detail: problem.detail || '' };
}

function sentence(text) {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Opens the connection to the edge while the manifest is on its way. */
function preconnect(baseUrl) {
  if (!baseUrl) return;
  const origin = new URL(baseUrl, location.href).origin;
  if (origin === location.origin || document.querySelector(`link[rel="preconnect"][href="${CSS.escape(origin)}"]`)) return;
  document.head.append(h('link', { rel: 'preconnect', href: origin }));
}
