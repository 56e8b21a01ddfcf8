/**
 * What the player measures: time to first frame and rebuffering (stalls after the first frame
 * that no seek caused).
 */

/** The title page stores `performance.now()` of the Play click here. */
export const PLAY_CLICKED_KEY = 'reel.playClickedAt';

/**
 * When playback was asked for: the Play click on the title page when it happened in this
 * document (read once), else `fallback`.
 * @param {number} fallback a `performance.now()` value, e.g. when the watch page started rendering
 * @returns {number}
 */
export function playRequestedAt(fallback) {
  const stored = Number(sessionStorage.getItem(PLAY_CLICKED_KEY));
  sessionStorage.removeItem(PLAY_CLICKED_KEY);
  return stored > 0 && stored <= fallback ? stored : fallback;
}

/** Watches a video element for its first frame and its stalls. */
export class PlaybackMetrics {
  /**
   * @param {HTMLVideoElement} video
   * @param {number} requestedAt `performance.now()` when playback was asked for
   * @param {function(number): void} onFirstFrame called once with the time to first frame in ms
   */
  constructor(video, requestedAt, onFirstFrame) {
    this.timeToFirstFrameMs = null;
    this.rebuffers = 0;
    this.rebufferMs = 0;
    this.reported = { rebuffers: 0, rebufferMs: 0 };
    this.stalledAt = null;
    const first = () => {
      if (this.timeToFirstFrameMs !== null) return;
      this.timeToFirstFrameMs = Math.round(performance.now() - requestedAt);
      onFirstFrame(this.timeToFirstFrameMs);
    };
    if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(first);
    else video.addEventListener('playing', first, { once: true });
    this.listeners = {
      waiting: () => {
        if (this.timeToFirstFrameMs === null || video.seeking || this.stalledAt !== null) return;
        this.rebuffers++;
        this.stalledAt = performance.now();
      },
      playing: () => this.resumed(),
      seeking: () => this.resumed(),
      pause: () => this.resumed(),
    };
    for (const [event, listener] of Object.entries(this.listeners)) video.addEventListener(event, listener);
    this.video = video;
  }

  /** Ends a stall (playing again, paused or seeking away). */
  resumed() {
    if (this.stalledAt === null) return;
    this.rebufferMs += performance.now() - this.stalledAt;
    this.stalledAt = null;
  }

  /**
   * Stalls since the previous call, for a heartbeat.
   * @returns {{rebufferCount: number, rebufferMillis: number}}
   */
  sinceLastReport() {
    const ongoing = this.stalledAt === null ? 0 : performance.now() - this.stalledAt;
    const total = this.rebufferMs + ongoing;
    const delta = {
      rebufferCount: this.rebuffers - this.reported.rebuffers,
      rebufferMillis: Math.max(0, Math.round(total - this.reported.rebufferMs)),
    };
    this.reported = { rebuffers: this.rebuffers, rebufferMs: total };
    return delta;
  }

  /** Stops listening. */
  destroy() {
    for (const [event, listener] of Object.entries(this.listeners)) this.video.removeEventListener(event, listener);
  }
}
