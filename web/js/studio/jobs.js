/**
 * The job list of the studio page: newest first, paginated, with each working job's stage,
 * percentage and time left updated live from its event stream.
 */
import { h, showError } from '../ui.js';
import { etaText, formatTime, isFinished, problemText, stageText, stateLabel, studioApi } from './common.js';
import { followJob } from './sse.js';

const PAGE_SIZE = 10;
/** Event streams held open at once: each holds one of the browser's few connections to the origin. */
const MAX_STREAMS = 3;
/** How often the page is read again, for new jobs and for working jobs without a stream. */
const REFRESH_MS = 10_000;
const COLUMNS = ['Title', 'Ladder', 'Stage', 'Progress', 'Time left', 'Started', 'Details'];
/** A cell labelled with its column, so a phone can show each row as a card. */
const cell = (column, attrs = {}, ...children) => h('td', { ...attrs, dataset: { label: COLUMNS[column] } }, ...children);

/**
 * Renders the job list.
 * @param {HTMLElement} container
 * @param {object} options
 * @param {function(string): string} options.titleName the name of a title id
 * @param {string} [options.titleId] only this title's jobs
 * @returns {{reload: function(): Promise<void>, cleanup: function(): void}}
 */
export function renderJobList(container, { titleName, titleId }) {
  const body = h('tbody');
  const table = h('table', { id: 'studio-jobs', class: 'data-table jobs-table' },
    h('caption', { class: 'visually-hidden', text: 'Encoding jobs, newest first' }),
    h('thead', {}, h('tr', {}, COLUMNS.map((name) => h('th', { scope: 'col', text: name })))),
    body);
  const pager = h('nav', { class: 'pager', 'aria-label': 'Job pages' });
  const live = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const errors = h('div');
  container.replaceChildren(h('div', { class: 'table-scroll' }, table), pager, live, errors);

  const rows = new Map();
  const streams = new Map();
  let page = 0;
  let shown = null;
  let timer = null;
  let stopped = false;

  function row(job) {
    const cells = {
      stage: cell(2, { class: 'job-stage' }),
      percent: cell(3, { class: 'job-percent' }),
      eta: cell(4, { class: 'job-eta' }),
      details: cell(6, {}, h('a', { href: `#/studio/jobs/${job.id}`, text: 'View' })),
    };
    const tr = h('tr', { class: 'job', dataset: { jobId: job.id } },
      cell(0, {}, h('a', { href: `#/studio/titles/${job.titleId}`, text: titleName(job.titleId) })),
      cell(1, { text: job.ladderMode === 'FIXED' ? 'Fixed' : 'Per-title' }),
      cells.stage, cells.percent, cells.eta, cell(5, { text: formatTime(job.createdAt) }), cells.details);
    return { tr, cells };
  }

  function paint(job) {
    const entry = rows.get(job.id);
    if (!entry) return;
    const { tr, cells } = entry;
    tr.dataset.state = job.state;
    cells.stage.textContent = stageText(job);
    const bar = h('progress', { max: '100', value: String(job.percent), 'aria-label': `${stateLabel(job.state)} progress` });
    cells.percent.replaceChildren(bar, h('span', { text: ` ${job.percent}%` }));
    cells.eta.textContent = etaText(job);
    cells.details.firstChild.textContent = job.state === 'DONE' ? 'Ladder and result' : 'View';
  }

  function follow(job) {
    if (streams.has(job.id) || streams.size >= MAX_STREAMS || isFinished(job.state)) return;
    const controller = new AbortController();
    streams.set(job.id, controller);
    followJob(job.id, {
      signal: controller.signal,
      onJob: (update) => {
        const entry = rows.get(update.id);
        if (entry) entry.job = update;
        paint(update);
        live.textContent = '';
      },
      onReconnect: (why) => { live.textContent = why; },
    }).catch((error) => { live.textContent = problemText(error); })
      .finally(() => {
        streams.delete(job.id);
        if (streams.size < MAX_STREAMS && !stopped) [...rows.values()].forEach(({ job: j }) => follow(j));
      });
  }

  async function load() {
    clearTimeout(timer);
    try {
      const query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
      if (titleId) query.set('titleId', titleId);
      const result = await studioApi(`/api/v1/studio/jobs?${query}`);
      if (stopped) return;
      errors.replaceChildren();
      for (const [id, controller] of streams) {
        if (!result.items.some((job) => job.id === id)) controller.abort();
      }
      const ids = result.items.map((job) => job.id).join();
      const rebuilt = ids !== shown;
      if (rebuilt) { // rebuild only when the set changed, so focus and streams stay put
        shown = ids;
        rows.clear();
        body.replaceChildren(...result.items.map((job) => {
          const entry = { ...row(job), job };
          rows.set(job.id, entry);
          return entry.tr;
        }));
      }
      if (!result.items.length) {
        body.replaceChildren(h('tr', {}, h('td', { colspan: '7', class: 'empty', text: 'No encoding jobs yet.' })));
      }
      for (const job of result.items) {
        rows.get(job.id).job = job;
        if (rebuilt || !streams.has(job.id)) paint(job); // a stream's events are fresher and carry task counts
      }
      // the working jobs first: queued ones may wait long without an event
      [...result.items].sort((a, b) => (a.state === 'QUEUED') - (b.state === 'QUEUED')).forEach(follow);
      paintPager(result);
    } catch (error) {
      if (!stopped) showError(errors, error, { retry: load });
    }
    if (!stopped) timer = setTimeout(load, REFRESH_MS);
  }

  const newer = h('button', { type: 'button', class: 'button small', text: 'Newer', disabled: true });
  const older = h('button', { type: 'button', class: 'button small', text: 'Older', disabled: true });
  const pageLabel = h('span');
  newer.addEventListener('click', () => turn(-1));
  older.addEventListener('click', () => turn(1));
  pager.append(newer, pageLabel, older);

  function turn(delta) {
    page += delta;
    load();
  }

  function paintPager(result) {
    pager.hidden = result.totalPages <= 1;
    newer.disabled = page === 0;
    older.disabled = page + 1 >= result.totalPages;
    pageLabel.textContent = `Page ${result.totalPages ? page + 1 : 0} of ${result.totalPages}`;
  }

  load();
  return {
    reload: () => {
      page = 0;
      shown = null;
      return load();
    },
    cleanup: () => {
      stopped = true;
      clearTimeout(timer);
      streams.forEach((controller) => controller.abort());
    },
  };
}
