/**
 * The playback service as the player sees it: start a session, find where to resume, send
 * heartbeats and stop.
 */
import { api, ApiError, session as account } from '../api.js';

const SESSIONS = '/api/v1/playback/sessions';
const DEFAULT_HEARTBEAT_MS = 10_000;

/** Video codecs playback knows, with a type this browser's MSE is asked about. */
const CODEC_PROBES = {
  avc1: 'video/mp4; codecs="avc1.640028"',
  hvc1: 'video/mp4; codecs="hvc1.1.6.L93.B0"',
  av01: 'video/mp4; codecs="av01.0.05M.08"',
  vp09: 'video/mp4; codecs="vp09.00.10.08"',
};

/**
 * Starts a playback session for the selected profile.
 * @param {string} titleId
 * @param {string|null} episodeId
 * @returns {Promise<object>} the PlaybackSession (edges, licence, manifests, renditions, heartbeatInterval)
 * @throws {ApiError} 403 maturity, 409 too many streams, 404 unknown title or episode
 */
export function startSession(titleId, episodeId) {
  return api(SESSIONS, {
    method: 'POST',
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: { profileId: account.profile?.id, titleId, episodeId: episodeId || null, device: device() },
  });
}

/** What this browser can decode, so playback leaves out renditions it cannot play (HEVC in Chromium). */
function device() {
  const MediaSourceType = self.ManagedMediaSource || self.MediaSource;
  if (!MediaSourceType?.isTypeSupported) return null;
  const codecs = Object.keys(CODEC_PROBES).filter((codec) => MediaSourceType.isTypeSupported(CODEC_PROBES[codec]));
  return codecs.length ? { codecs } : null;
}

/**
 * Where to start: the `from` query parameter (seconds), else the profile's bookmark, else 0.
 * A watched bookmark or a failing lookup starts from the beginning.
 * @param {string} titleId
 * @param {string|null} episodeId
 * @param {string|null} from the `from` query parameter
 * @param {AbortSignal} signal
 * @returns {Promise<number>} seconds
 */
export async function resumeSeconds(titleId, episodeId, from, signal) {
  const given = Number(from);
  if (from !== null && Number.isFinite(given) && given >= 0) return given;
  const query = episodeId ? `?episodeId=${encodeURIComponent(episodeId)}` : '';
  try {
    const bookmark = await api(`/api/v1/viewing/bookmarks/${encodeURIComponent(titleId)}${query}`, { signal });
    return bookmark.watched ? 0 : bookmark.positionMillis / 1000;
  } catch {
    return 0;
  }
}

/**
 * Sends a heartbeat every `heartbeatInterval` of the session until stopped.
 * @param {object} playback the PlaybackSession
 * @param {function(): object} sample returns the HeartbeatRequest fields (positionMillis, bitrateBps,
 *     bufferMillis, rebufferCount, rebufferMillis)
 * @param {function(ApiError): void} onEnded called when playback says the session is over (404/410)
 * @returns {function(): void} stops the heartbeats
 */
export function heartbeats(playback, sample, onEnded) {
  const url = `${SESSIONS}/${playback.sessionId}/heartbeat`;
  const timer = setInterval(async () => {
    try {
      await api(url, { method: 'POST', body: sample() });
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
        clearInterval(timer);
        onEnded(error);
      }
    }
  }, isoMillis(playback.heartbeatInterval) || DEFAULT_HEARTBEAT_MS);
  return () => clearInterval(timer);
}

/**
 * Stops the session; survives the page going away (fetch keepalive). Never throws.
 * @param {string} sessionId
 * @param {number} positionMillis the last playhead
 * @returns {Promise<void>}
 */
export async function stopSession(sessionId, positionMillis) {
  try {
    await api(`${SESSIONS}/${sessionId}/stop`, {
      method: 'POST', keepalive: true, body: { positionMillis: Math.max(0, Math.round(positionMillis)) },
    });
  } catch {
    // The session expires on its own when no heartbeat comes.
  }
}

/**
 * Milliseconds of an ISO-8601 duration of hours, minutes and seconds, e.g. "PT10S" or "PT1M30.5S".
 * @param {string} text
 * @returns {number} 0 when the text is not such a duration
 */
export function isoMillis(text) {
  const match = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(text || '');
  if (!match) return 0;
  const [, hours = 0, minutes = 0, seconds = 0] = match;
  return Math.round(((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000);
}
