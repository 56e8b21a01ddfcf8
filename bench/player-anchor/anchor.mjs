/**
 * The anchor of bench/player: a bare hls.js player with hls.js's defaults (its own ABR, no
 * parallel start), only EME switched on so it can decrypt Reel's ClearKey streams. The bench's
 * little server (bench/src/PlayerBench.java) starts and stops the playback sessions and passes the
 * manifest and licence requests on with the member's token, so this page needs no credentials.
 */
import Hls from '/hls.min.mjs';

const video = document.getElementById('anchor-video');

/**
 * Starts a session, plays it and resolves with the milliseconds from the call to the first
 * rendered frame (requestVideoFrameCallback), the same span Reel's player reports as
 * timeToFirstFrameMs; then stops the session again.
 * @returns {Promise<number>}
 */
async function play() {
  const started = performance.now();
  const session = await (await fetch('/session', { method: 'POST' })).json();
  const hls = new Hls({ emeEnabled: true, drmSystems: { 'org.w3.clearkey': { licenseUrl: session.licence } } });
  try {
    const firstFrame = new Promise((resolve, reject) => {
      video.requestVideoFrameCallback(() => resolve(performance.now() - started));
      hls.on(Hls.Events.ERROR, (event, data) => {
        if (data.fatal) reject(new Error(`hls.js: ${data.details}`));
      });
    });
    hls.loadSource(session.manifest);
    hls.attachMedia(video);
    video.play().catch(() => {});
    return await firstFrame;
  } finally {
    hls.destroy();
    await fetch(`/stop/${session.id}`, { method: 'POST' });
  }
}

window.anchorPlay = play;
