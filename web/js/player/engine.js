/**
 * The media engine of the watch page: hls.js with Reel's ABR, ClearKey EME through the session's
 * licence URL, and fail-over across the session's edges. No DOM besides the video element.
 */
import { ensureFreshToken } from '../api.js';
import { maxBufferSeconds, reelAbrController } from './abr.js';

/** hls.js 1.7 ESM, put into the gateway at build time. */
export const HLS_MODULE = '/vendor/hls.min.mjs';

/**
 * Retries are quick and stay on the same edge; only when hls.js gives up (or an edge answers 5xx)
 * does the player move to the next edge. Blaming the edge for every failed request moved players
 * off a healthy edge on a slow link, where aborted and reset requests are the link's doing.
 */
const ERROR_RETRY = { maxNumRetry: 6, retryDelayMs: 100, maxRetryDelayMs: 1000 };
const TIMEOUT_RETRY = { maxNumRetry: 4, retryDelayMs: 0, maxRetryDelayMs: 0 };
const LOAD_POLICY = {
  default: { maxTimeToFirstByteMs: 4000, maxLoadTimeMs: 20_000, errorRetry: ERROR_RETRY, timeoutRetry: TIMEOUT_RETRY },
};

/**
 * The session's edges, first choice first (the origin last). Every media URL of the session starts
 * with one edge's base URL; requests go to the current edge, and a failure on it moves to the next.
 */
export class Edges {
  /** @param {{id: string, baseUrl: string}[]} edges */
  constructor(edges) {
    this.list = edges;
    this.index = 0;
  }

  /** @returns {{id: string, baseUrl: string}} the edge requests go to */
  get current() {
    return this.list[this.index];
  }

  /**
   * The URL on the current edge for a URL on any of the session's edges (others unchanged).
   * @param {string} url
   * @returns {string}
   */
  rewrite(url) {
    const from = this.list.find((edge) => url.startsWith(edge.baseUrl));
    return from ? this.current.baseUrl + url.slice(from.baseUrl.length) : url;
  }

  /**
   * Moves to the next edge after a failure on edge `failed` (later failures of an edge already
   * left behind change nothing).
   * @param {number} failed the index of the edge that failed
   * @returns {boolean} whether there was a next edge to move to
   */
  failed(failed) {
    if (failed !== this.index || this.index >= this.list.length - 1) return false;
    this.index++;
    return true;
  }
}

/**
 * Plays a session in a video element.
 * @param {object} hlsModule the hls.js module namespace (`default` Hls, `AbrController`)
 * @param {HTMLVideoElement} video
 * @param {object} playback the PlaybackSession
 * @param {number} startSeconds where to start
 * @param {{onFatal: function({title: string, detail: string}): void}} handlers `onFatal` when
 *     playback cannot go on, with the problem in words
 * @returns {{hls: object, edges: Edges}|null} null when the browser cannot play (onFatal was called)
 */
export function createEngine(hlsModule, video, playback, startSeconds, handlers) {
  const { default: Hls, AbrController } = hlsModule;
  if (!Hls.isSupported()) {
    handlers.onFatal({
      title: 'This browser cannot play Reel videos',
      detail: 'It lacks Media Source Extensions. Try a current version of Chrome, Edge, Firefox or Safari.',
    });
    return null;
  }
  const edges = new Edges(playback.edges);
  const hls = new Hls({
    abrController: reelAbrController(AbrController),
    startPosition: startSeconds,
    testBandwidth: false,
    startFragPrefetch: true,
    maxBufferLength: maxBufferSeconds(),
    maxMaxBufferLength: 2 * maxBufferSeconds(),
    backBufferLength: maxBufferSeconds(),
    emeEnabled: true,
    requireKeySystemAccessOnStart: true,
    drmSystems: { 'org.w3.clearkey': { licenseUrl: playback.licence.url } },
    licenseXhrSetup: (xhr, url) => authorised(xhr, 'POST', url, 'application/json'),
    xhrSetup: (xhr, url) => {
      if (new URL(url, location.href).origin === location.origin) return authorised(xhr, 'GET', url);
      xhr.reelEdge = edges.index;
      xhr.open('GET', edges.rewrite(url), true);
      return undefined;
    },
    manifestLoadPolicy: LOAD_POLICY,
    playlistLoadPolicy: LOAD_POLICY,
    fragLoadPolicy: LOAD_POLICY,
  });
  let mediaRecovered = false;
  hls.on(Hls.Events.ERROR, (event, data) => {
    const edge = data.type === Hls.ErrorTypes.NETWORK_ERROR ? data.networkDetails?.reelEdge : undefined;
    if (edge !== undefined && data.response?.code >= 500) edges.failed(edge);
    if (!data.fatal) return;
    if (edge !== undefined && (edge < edges.index || edges.failed(edge))) {
      // hls.js gave up on an edge that has been left behind, or on this one after its retries: go on from the
      // current (next) edge.
      hls.startLoad(video.currentTime);
    } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !mediaRecovered) {
      mediaRecovered = true;
      hls.recoverMediaError();
    } else {
      hls.stopLoad();
      handlers.onFatal(describe(Hls, data, edge !== undefined));
    }
  });
  // After a seek the buffer starts over, and so does the ABR's start-up phase.
  const restartAbr = () => { hls.abrController.startup = true; };
  video.addEventListener('seeking', restartAbr);
  hls.once(Hls.Events.DESTROYING, () => video.removeEventListener('seeking', restartAbr));
  hls.attachMedia(video);
  hls.loadSource(playback.manifests.hls);
  return { hls, edges };
}

/** Opens a same-origin request with a fresh bearer token. */
async function authorised(xhr, method, url, contentType) {
  const token = await ensureFreshToken();
  xhr.open(method, url, true);
  if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
  if (contentType) xhr.setRequestHeader('Content-Type', contentType);
}

/** A fatal hls.js error in words. */
function describe(Hls, data, fromEdge) {
  const { ErrorTypes, ErrorDetails } = Hls;
  const status = data.response?.code;
  if (data.type === ErrorTypes.KEY_SYSTEM_ERROR) {
    if (data.details === ErrorDetails.KEY_SYSTEM_NO_ACCESS) {
      return {
        title: 'This browser cannot decrypt Reel videos',
        detail: 'Its ClearKey support (Encrypted Media Extensions) is missing or switched off.',
      };
    }
    return {
      title: 'The video could not be unlocked',
      detail: status ? `The licence request failed (HTTP ${status}). Try again.` : 'The licence was refused. Try again.',
    };
  }
  if (fromEdge) {
    return {
      title: 'The video stopped loading',
      detail: 'None of Reel\'s video servers could be reached. Check your connection and try again.',
    };
  }
  if (data.type === ErrorTypes.NETWORK_ERROR) {
    if (status === 410 || status === 404) {
      return { title: 'This playback session has ended', detail: 'Start the video again to keep watching.' };
    }
    return {
      title: 'The video could not be loaded',
      detail: status ? `Reel answered HTTP ${status}. Try again in a moment.` : 'Reel cannot be reached. Check your connection and try again.',
    };
  }
  if (data.type === ErrorTypes.MEDIA_ERROR) {
    return { title: 'This video cannot be played here', detail: `The browser could not decode it (${data.details}).` };
  }
  return { title: 'Playback failed', detail: data.error?.message || String(data.details) };
}
