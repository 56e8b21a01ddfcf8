/**
 * Server-sent events read with fetch, because EventSource cannot send the Authorization header,
 * and a follower of one job's event stream (event `job`, data: the job's JSON) that reconnects.
 */
import { ApiError } from '../api.js';
import { backoffDelay, isFinished, sleep, studioApi } from './common.js';

/**
 * Parses a text/event-stream as the HTML standard's event-stream interpretation does:
 * `event:`, `data:` (several lines join with "\n"), comments starting with ':', and an event
 * dispatched at each blank line; an event without data is dropped. One parser per stream.
 */
class EventStreamParser {
  #buffer = '';
  #type = '';
  #data = [];

  /**
   * Feeds decoded text.
   * @param {string} text the next piece of the stream, cut anywhere
   * @returns {{type: string, data: string}[]} the events it completed
   */
  push(text) {
    this.#buffer += text;
    const events = [];
    for (;;) {
      const end = this.#buffer.search(/[\r\n]/);
      if (end < 0) break;
      const isCr = this.#buffer[end] === '\r';
      if (isCr && end === this.#buffer.length - 1) break; // a "\n" may follow in the next piece
      const line = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + (isCr && this.#buffer[end + 1] === '\n' ? 2 : 1));
      const event = this.#line(line);
      if (event) events.push(event);
    }
    return events;
  }

  #line(line) {
    if (line === '') {
      const event = this.#data.length ? { type: this.#type || 'message', data: this.#data.join('\n') } : null;
      this.#type = '';
      this.#data = [];
      return event;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#type = value;
    else if (field === 'data') this.#data.push(value);
    return null;
  }
}

/**
 * Reads the events of one response body until it ends.
 * @param {Response} response a text/event-stream response
 * @returns {AsyncGenerator<{type: string, data: string}>}
 */
async function* eventsOf(response) {
  const parser = new EventStreamParser();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield* parser.push(value);
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/**
 * Follows a job over `GET /api/v1/studio/jobs/{id}/events` until it is done or failed,
 * reconnecting with back-off when the stream drops (each new stream starts with the job as it is now).
 * @param {string} jobId
 * @param {object} handlers
 * @param {function(object): void} handlers.onJob called with every job document
 * @param {function(string): void} [handlers.onReconnect] called with the reason before a reconnect
 * @param {AbortSignal} handlers.signal stops following
 * @returns {Promise<object|null>} the finished job, or null when aborted
 * @throws {ApiError} when the job does not exist (404) or the caller may not see it (401/403)
 */
export async function followJob(jobId, { onJob, onReconnect, signal }) {
  let failures = 0;
  while (!signal.aborted) {
    let received = 0;
    try {
      const response = await studioApi(`/api/v1/studio/jobs/${jobId}/events`, {
        headers: { Accept: 'text/event-stream, application/problem+json' }, raw: true, signal,
      });
      for await (const event of eventsOf(response)) {
        if (event.type !== 'job') continue;
        const job = JSON.parse(event.data);
        received++;
        onJob(job);
        if (isFinished(job.state)) return job;
      }
      onReconnect?.('The progress stream ended; reconnecting…');
    } catch (error) {
      if (signal.aborted || error.name === 'AbortError') return null;
      if (error instanceof ApiError && [401, 403, 404].includes(error.status)) throw error;
      onReconnect?.('Lost the progress stream; reconnecting…');
    }
    failures = received > 0 ? 1 : failures + 1;
    await sleep(backoffDelay(failures), signal);
  }
  return null;
}
