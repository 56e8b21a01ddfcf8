/**
 * The resumable upload protocol of /api/v1/studio/uploads, as the `reel ingest` client speaks it:
 * POST creates the upload, PATCH sends chunks (`application/offset+octet-stream`, `Upload-Offset`),
 * HEAD tells the offset after a failure, DELETE abandons. Unfinished uploads are remembered in
 * localStorage per (file name, size, last modified), so a reload resumes where the server stopped.
 */
import { ApiError } from '../api.js';
import { backoffDelay, isTransient, sleep, studioApi } from './common.js';

const UPLOADS = '/api/v1/studio/uploads';
const CHUNK_TYPE = 'application/offset+octet-stream';
const STORE_PREFIX = 'reel.studio.upload:';
const MIB = 1 << 20;
/** The encoder's configured chunk limit (`reel.encoder.uploads.max-chunk`); a 413 tells a smaller one. */
const SERVER_MAX_CHUNK = 64 * MIB;
const FIRST_CHUNK = MIB;
const MIN_CHUNK = MIB;
/** Chunks are sized to take about this long, so progress moves and a retry loses little. */
const TARGET_CHUNK_MS = 2000;
const MAX_FAILURES = 16;
const MAX_CONFLICTS = 8;
const RATE_WINDOW_MS = 10_000;

function storeKey(file) {
  return STORE_PREFIX + JSON.stringify([file.name, file.size, file.lastModified]);
}

/**
 * The unfinished upload remembered for this file, if any.
 * @param {File} file
 * @returns {{uploadId: string, titleId: string, ladder: string, profile: string, name: string, size: number}|null}
 */
export function savedUpload(file) {
  try {
    return JSON.parse(localStorage.getItem(storeKey(file)));
  } catch {
    return null;
  }
}

/**
 * Every unfinished upload remembered in this browser.
 * @returns {{key: string, uploadId: string, titleId: string, name: string, size: number}[]}
 */
export function savedUploads() {
  const entries = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key.startsWith(STORE_PREFIX)) continue;
    try {
      entries.push({ key, ...JSON.parse(localStorage.getItem(key)) });
    } catch {
      localStorage.removeItem(key);
    }
  }
  return entries;
}

/**
 * Abandons a remembered upload on the server (best effort) and forgets it.
 * @param {{key: string, uploadId: string}} entry from {@link savedUploads}
 * @returns {Promise<void>}
 */
export async function discardSavedUpload(entry) {
  try {
    await studioApi(`${UPLOADS}/${entry.uploadId}`, { method: 'DELETE' });
  } catch (error) {
    if (!(error instanceof ApiError) || ![404, 409].includes(error.status)) throw error;
  } finally {
    localStorage.removeItem(entry.key);
  }
}

/** The server's offset of an upload (HEAD); throws an ApiError when it cannot tell. */
async function headOffset(uploadId, signal) {
  const response = await studioApi(`${UPLOADS}/${uploadId}`, { method: 'HEAD', raw: true, signal });
  const offset = Number.parseInt(response.headers.get('Upload-Offset'), 10);
  if (!Number.isInteger(offset)) {
    throw new ApiError(502, { title: 'Bad answer', detail: 'Reel answered HEAD without an Upload-Offset.' });
  }
  return offset;
}

/**
 * How many bytes of an upload the server holds, or null when it cannot say (unknown upload, no connection).
 * @param {string} uploadId
 * @returns {Promise<number|null>}
 */
export function serverOffset(uploadId) {
  return headOffset(uploadId).catch(() => null);
}

/** Bytes per second over the last few seconds. */
class RateMeter {
  #samples = [];

  /** Records that `bytes` in all have been sent by now. */
  add(bytes) {
    const now = performance.now();
    this.#samples.push([now, bytes]);
    while (this.#samples.length > 2 && now - this.#samples[0][0] > RATE_WINDOW_MS) this.#samples.shift();
  }

  /** @returns {number|null} bytes per second, or null before two samples */
  rate() {
    if (this.#samples.length < 2) return null;
    const [t0, b0] = this.#samples[0];
    const [t1, b1] = this.#samples[this.#samples.length - 1];
    return t1 > t0 ? ((b1 - b0) * 1000) / (t1 - t0) : null;
  }
}

/**
 * One upload of a file for a title. Create it, then `start()`; `cancel()` abandons it.
 * Progress, retries and state changes are reported to `onUpdate` with a snapshot:
 * `{state, offset, length, percent, rate, etaSeconds, message, upload, error}` where state is
 * 'starting' | 'uploading' | 'retrying' | 'checking' | 'done' | 'failed' | 'cancelled'.
 */
export class ResumableUpload {
  #controller = new AbortController();
  #meter = new RateMeter();
  #chunkSize = FIRST_CHUNK;
  #maxChunk = SERVER_MAX_CHUNK;
  #id = null;
  #snapshot;

  /**
   * @param {File} file the master
   * @param {{titleId: string, ladder: 'PER_TITLE'|'FIXED', profile: 'STANDARD'|'FAST'}} options
   * @param {function(object): void} onUpdate receives every new snapshot
   */
  constructor(file, options, onUpdate) {
    this.file = file;
    this.options = options;
    this.onUpdate = onUpdate;
    this.#snapshot = { state: 'starting', offset: 0, length: file.size, percent: 0, rate: null, etaSeconds: null,
      message: 'Starting the upload…', upload: null, error: null };
  }

  /** @returns {object} the latest snapshot */
  get snapshot() {
    return this.#snapshot;
  }

  /** @returns {string|null} the server's id of this upload, once created or resumed */
  get uploadId() {
    return this.#id;
  }

  #update(changes) {
    const next = { ...this.#snapshot, ...changes };
    next.percent = next.length ? Math.floor((next.offset / next.length) * 1000) / 10 : 0;
    const rate = this.#meter.rate();
    next.rate = rate;
    next.etaSeconds = rate ? (next.length - next.offset) / rate : null;
    this.#snapshot = next;
    this.onUpdate(next);
  }

  /**
   * Uploads the file, resuming the remembered upload of the same file and title when the server still has it.
   * @returns {Promise<object>} the complete upload, with its jobId
   * @throws {ApiError} when the server refuses the upload for good (unknown title, not a video...)
   */
  async start() {
    try {
      let upload = await this.#resume();
      if (!upload) {
        upload = await this.#retrying(() => studioApi(UPLOADS, {
          method: 'POST', signal: this.#controller.signal,
          body: { titleId: this.options.titleId, filename: this.file.name, length: this.file.size,
            ladder: this.options.ladder, profile: this.options.profile },
        }));
        localStorage.setItem(storeKey(this.file), JSON.stringify({ uploadId: upload.id, ...this.options,
          name: this.file.name, size: this.file.size, savedAt: new Date().toISOString() }));
      }
      this.#id = upload.id;
      this.#meter.add(upload.offset);
      const done = upload.state === 'COMPLETE' ? upload : await this.#transfer(upload.offset);
      localStorage.removeItem(storeKey(this.file));
      this.#update({ state: 'done', offset: this.file.size, upload: done, message: 'Upload complete.' });
      return done;
    } catch (error) {
      if (this.#snapshot.state === 'cancelled') return null;
      this.#update({ state: 'failed', error, message: null });
      throw error;
    }
  }

  /**
   * The remembered upload of this file as the server has it now, or null to start afresh. One remembered with
   * another title, ladder or profile is abandoned: the file is meant for something else now.
   */
  async #resume() {
    const saved = savedUpload(this.file);
    if (!saved) return null;
    const { titleId, ladder, profile } = this.options;
    if (saved.titleId !== titleId || saved.ladder !== ladder || saved.profile !== profile) {
      await discardSavedUpload({ key: storeKey(this.file), uploadId: saved.uploadId }).catch(() => {});
      return null;
    }
    try {
      const upload = await this.#retrying(() => studioApi(`${UPLOADS}/${saved.uploadId}`,
        { signal: this.#controller.signal }));
      if (upload.state === 'REJECTED') throw rejected(upload);
      this.#update({ offset: upload.offset,
        message: `Resuming the earlier upload at ${Math.floor((upload.offset / upload.length) * 100)}%.` });
      return upload;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        localStorage.removeItem(storeKey(this.file)); // expired or abandoned: start afresh
        return null;
      }
      if (error.status === 422) localStorage.removeItem(storeKey(this.file));
      throw error;
    }
  }

  /** Sends chunks from `offset` until the upload is complete; the final chunk's answer carries the job. */
  async #transfer(startOffset) {
    const length = this.file.size;
    let offset = startOffset;
    let offsetKnown = true;
    let failures = 0;
    let conflicts = 0;
    for (;;) {
      try {
        if (!offsetKnown) {
          offset = await headOffset(this.#id, this.#controller.signal);
          offsetKnown = true;
          this.#update({ offset, state: 'uploading' });
        }
        const size = Math.min(this.#chunkSize, length - offset);
        const last = offset + size >= length;
        this.#update({ offset, state: last ? 'checking' : 'uploading',
          message: last ? 'Sending the last chunk; Reel then checks that the file is a usable video…' : null });
        const started = performance.now();
        const after = await this.#patch(offset, size);
        failures = 0;
        if (after.state === 'COMPLETE') return after;
        if (after.offset <= offset) {
          throw new ApiError(500, { title: 'The upload stalled',
            detail: `Reel did not take the chunk at byte ${offset} (its offset stayed at ${after.offset}).` });
        }
        this.#resize(after.offset - offset, performance.now() - started);
        offset = after.offset;
        this.#meter.add(offset);
      } catch (error) {
        if (this.#controller.signal.aborted) throw error;
        const theirs = error.problem?.offset;
        if (error.status === 409 && Number.isInteger(theirs) && ++conflicts <= MAX_CONFLICTS) {
          offset = theirs; // the server holds a different offset: continue from its
        } else if (error.status === 413 && this.#chunkSize > MIN_CHUNK) {
          this.#shrink(error);
        } else if ((isTransient(error) || (error.status === 400 && Number.isInteger(theirs)))
          && ++failures <= MAX_FAILURES) {
          await this.#pause(failures, error);
          offsetKnown = false;
        } else {
          if (![401, 403, 429].includes(error.status)) localStorage.removeItem(storeKey(this.file));
          throw error;
        }
      }
    }
  }

  async #patch(offset, size) {
    return studioApi(`${UPLOADS}/${this.#id}`, {
      method: 'PATCH', signal: this.#controller.signal,
      headers: { 'Content-Type': CHUNK_TYPE, 'Upload-Offset': String(offset) },
      body: this.file.slice(offset, offset + size),
    });
  }

  /** Sizes the next chunk to take about TARGET_CHUNK_MS at the rate the last one went. */
  #resize(bytes, elapsedMs) {
    const wanted = (bytes / Math.max(elapsedMs, 1)) * TARGET_CHUNK_MS;
    this.#chunkSize = Math.max(MIN_CHUNK, Math.min(this.#maxChunk, Math.round(wanted / MIB) * MIB));
  }

  /** After a 413: the limit the problem names ("at most N bytes"), else half the chunk. */
  #shrink(error) {
    const named = Number(/at most (\d+) bytes/.exec(error.problem?.detail || '')?.[1]);
    this.#maxChunk = Math.max(MIN_CHUNK, named > 0 && named < this.#chunkSize ? named : this.#chunkSize / 2);
    this.#chunkSize = this.#maxChunk;
  }

  async #pause(failure, error) {
    const delay = backoffDelay(failure);
    const why = error.problem?.title || 'The connection failed';
    this.#update({ state: 'retrying',
      message: `${why}. Retrying in ${Math.ceil(delay / 1000)} s (attempt ${failure} of ${MAX_FAILURES})…` });
    await sleep(delay, this.#controller.signal);
    if (this.#controller.signal.aborted) throw new DOMException('Upload cancelled', 'AbortError');
  }

  /** Repeats a request while it fails transiently, with back-off. */
  async #retrying(call) {
    for (let failure = 1; ; failure++) {
      try {
        return await call();
      } catch (error) {
        if (!isTransient(error) || failure > MAX_FAILURES || this.#controller.signal.aborted) throw error;
        await this.#pause(failure, error);
      }
    }
  }

  /**
   * Stops sending and abandons the upload on the server (its bytes are deleted).
   * @returns {Promise<void>}
   * @throws {ApiError} 409 when the upload is already complete
   */
  async cancel() {
    this.#controller.abort();
    this.#update({ state: 'cancelled', message: 'Upload cancelled.' });
    localStorage.removeItem(storeKey(this.file));
    if (!this.#id) return;
    try {
      await studioApi(`${UPLOADS}/${this.#id}`, { method: 'DELETE' });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
    }
  }
}

function rejected(upload) {
  return new ApiError(422, { title: 'Not a usable video master', detail: upload.rejection });
}
