/** What the studio pages share: API calls for an admin, job labels, and number formats. */
import { api, ApiError } from '../api.js';
import { formatDuration, h } from '../ui.js';

/**
 * Calls the API for the studio. Studio requests act for no profile: a profile's maturity
 * ceiling would hide titles from the admin.
 * @param {string} path
 * @param {object} [options] as for `api`
 * @returns {Promise<*>}
 */
export function studioApi(path, options = {}) {
  return api(path, { ...options, withProfile: false });
}

const STATE_LABELS = {
  QUEUED: 'Queued', ANALYSING: 'Analysing', ENCODING: 'Encoding', PACKAGING: 'Packaging',
  PUBLISHING: 'Publishing', DONE: 'Done', FAILED: 'Failed',
};

/**
 * @param {string} state a job state, e.g. 'ENCODING'
 * @returns {string} the state in words, e.g. 'Encoding'
 */
export function stateLabel(state) {
  return STATE_LABELS[state] || state || 'Unknown';
}

/**
 * @param {string} state a job state
 * @returns {boolean} whether the job has stopped moving (done or failed)
 */
export function isFinished(state) {
  return state === 'DONE' || state === 'FAILED';
}

/**
 * The stage of a job in words: its state, with task counts while it works, or where and why it failed.
 * @param {object} job a job summary or view
 * @returns {string}
 */
export function stageText(job) {
  if (job.state === 'FAILED') {
    const where = job.failedStage ? ` while ${stateLabel(job.failedStage).toLowerCase()}` : '';
    return `Failed${where}${job.failureReason ? `: ${job.failureReason}` : ''}`;
  }
  const tasks = job.tasks;
  if (tasks && tasks.total > 0 && !isFinished(job.state)) {
    return `${stateLabel(job.state)} (${tasks.done}/${tasks.total} tasks)`;
  }
  return stateLabel(job.state);
}

/**
 * @param {object} job a job summary or view
 * @returns {string} time left in words: "0:42", "–" when unknown or finished
 */
export function etaText(job) {
  if (isFinished(job.state) || job.etaSeconds === null || job.etaSeconds === undefined) return '–';
  return formatDuration(job.etaSeconds);
}

/**
 * @param {number} bitsPerSecond
 * @returns {string} e.g. "850 kbit/s" or "4.3 Mbit/s"
 */
export function formatBitrate(bitsPerSecond) {
  const kbps = bitsPerSecond / 1000;
  return kbps >= 1000 ? `${(kbps / 1000).toFixed(kbps >= 10_000 ? 0 : 1)} Mbit/s` : `${Math.round(kbps)} kbit/s`;
}

/**
 * Seconds from a duration as Jackson writes it: a number of seconds or an ISO-8601 string.
 * @param {number|string|null|undefined} value
 * @returns {number|null}
 */
export function seconds(value) {
  if (typeof value === 'number') return value;
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(value || '');
  return match ? (+match[1] || 0) * 3600 + (+match[2] || 0) * 60 + (+match[3] || 0) : null;
}

/**
 * @param {string|null|undefined} iso an instant
 * @returns {string} the local date and time, or '–'
 */
export function formatTime(iso) {
  return iso ? new Date(iso).toLocaleString() : '–';
}

/**
 * A problem in one line of words, for status lines: "Title: detail".
 * @param {*} error an ApiError or any Error
 * @returns {string}
 */
export function problemText(error) {
  const problem = error instanceof ApiError ? error.problem : null;
  if (!problem) return error?.message || 'Something went wrong';
  return problem.detail && problem.detail !== problem.title ? `${problem.title}: ${problem.detail}` : problem.title;
}

/**
 * A labelled form field; a hint describes the control (aria-describedby).
 * @param {string} id the control's id
 * @param {string} label
 * @param {HTMLElement} control an input, select or textarea with that id
 * @param {string} [hint]
 * @returns {HTMLElement}
 */
export function field(id, label, control, hint) {
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return h('div', { class: 'field' }, h('label', { htmlFor: id, text: label }), control,
    hint ? h('p', { class: 'hint', id: `${id}-hint`, text: hint }) : null);
}

/**
 * An error for a form the admin has to complete, shown like a problem.
 * @param {string} detail what to do, e.g. 'Choose a video file to upload.'
 * @returns {Error} with a `problem` {title, detail}
 */
export function inputError(detail) {
  return Object.assign(new Error(detail), { problem: { title: 'Check the form', detail } });
}

/**
 * Every title an admin can see (drafts included), by name.
 * @param {AbortSignal} [signal]
 * @returns {Promise<object[]>} title summaries
 */
export async function fetchAllTitles(signal) {
  const titles = [];
  for (let page = 0; ; page++) {
    const result = await studioApi(`/api/v1/titles?size=100&page=${page}`, { signal });
    titles.push(...result.items);
    if (page + 1 >= result.totalPages) break;
  }
  return titles.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Waits, or stops waiting early when the signal aborts.
 * @param {number} ms
 * @param {AbortSignal} [signal]
 * @returns {Promise<void>}
 */
export function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/**
 * The wait after the n-th consecutive failure: 0.5 s doubling up to 10 s.
 * @param {number} failure 1-based
 * @returns {number} milliseconds
 */
export function backoffDelay(failure) {
  return Math.min(10_000, 500 * 2 ** Math.max(0, failure - 1));
}

/**
 * Whether a failed request may succeed when repeated: no connection, a timeout, rate limiting,
 * or no healthy instance behind the gateway.
 * @param {*} error
 * @returns {boolean}
 */
export function isTransient(error) {
  return error instanceof ApiError && [0, 408, 429, 502, 503, 504].includes(error.status);
}
