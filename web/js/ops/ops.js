/**
 * The ops page (#/ops, admins only): the platform at a glance from GET /api/v1/ops/overview,
 * polled every 2 s. The status banner comes first; then live charts of stream starts, error rate
 * and latency over the last five minutes (rates come from successive cumulative snapshots);
 * services and instances by zone; edge appliances; circuit breakers.
 */
import { api } from '../api.js';
import { h, showError, stylesheet } from '../ui.js';
import { lineChart, legend } from './chart.js';
import { WINDOW_MS, points, remember } from './series.js';
import { breakerTable, edgeTable, instanceTable, serviceSummary } from './tables.js';
import { formatLatency, formatPercent, formatRate } from './format.js';

const POLL_MS = 2000;
const VERDICTS = { healthy: 'Healthy', degraded: 'Degraded', down: 'Down' };
/** Okabe–Ito hues that keep 3:1 against the dark panels; p99 is also dashed. */
const COLOURS = { starts: '#56b4e9', errors: '#e69f00', p50: '#56b4e9', p99: '#f0e442', mean: '#56b4e9' };

/**
 * Renders the ops page and starts polling.
 * @param {HTMLElement} outlet the emptied `<main>`
 * @returns {Promise<function(): void>} stops polling and any request in flight
 */
export async function render(outlet) {
  await stylesheet('/css/ops.css');
  const page = skeleton();
  outlet.replaceChildren(page.root);
  const history = [];
  let timer = 0;
  let controller = null;
  let stopped = false;

  async function poll() {
    controller = new AbortController();
    try {
      const overview = await api('/api/v1/ops/overview', { signal: controller.signal, withProfile: false });
      if (stopped) return;
      remember(history, overview);
      update(page, overview, history);
      page.problem.replaceChildren();
    } catch (error) {
      if (stopped || error?.name === 'AbortError') return;
      // A refusal will not change by itself: stop and offer a retry. Other failures retry on their own.
      const refused = error?.status === 403;
      showError(page.problem, error, refused || history.length === 0 ? { retry: restart } : {});
      if (history.length) page.updated.textContent = `Could not refresh; showing data from ${time(history.at(-1).at)}.`;
      if (refused) return;
    }
    if (!stopped) timer = setTimeout(poll, POLL_MS);
  }

  function restart() {
    clearTimeout(timer);
    controller?.abort();
    page.problem.replaceChildren();
    poll();
  }

  poll();
  return () => {
    stopped = true;
    clearTimeout(timer);
    controller?.abort();
  };
}

function skeleton() {
  const verdict = h('p', { class: 'ops-verdict', text: 'Checking the platform…' });
  const reasons = h('ul', { class: 'ops-reasons' });
  const status = h('section', { id: 'ops-status', class: 'ops-status', dataset: { status: 'unknown' }, 'aria-labelledby': 'ops-heading' },
    h('h1', { id: 'ops-heading', class: 'visually-hidden', text: 'Operations' }),
    h('div', { 'aria-live': 'polite' }, verdict, reasons));
  const updated = h('p', { class: 'ops-updated' });
  const problem = h('div', { class: 'ops-problem-box' });
  const charts = h('div', { class: 'ops-charts' });
  const services = h('div', { class: 'ops-services' });
  const edges = h('div', { class: 'ops-table-wrap' });
  const breakers = h('div', { class: 'ops-table-wrap' });
  const section = (id, title, ...content) => h('section', { class: 'ops-section', 'aria-labelledby': id },
    h('h2', { id, text: title }), ...content);
  const root = h('div', { class: 'ops' },
    status, updated, problem,
    section('ops-traffic-heading', 'Traffic', charts),
    section('ops-services-heading', 'Services and instances', services),
    section('ops-edges-heading', 'Edge appliances', edges),
    section('ops-breakers-heading', 'Circuit breakers', breakers));
  return { root, status, verdict, reasons, updated, problem, charts, services, edges, breakers };
}

function update(page, overview, history) {
  updateStatus(page, overview);
  const instances = overview.services.reduce((n, s) => n + s.instances.length, 0);
  page.updated.textContent = `Updated ${time(Date.parse(overview.generatedAt))} · ${overview.services.length} services, `
    + `${instances} instances${overview.launcher ? ' (discovery and launcher)' : ' (discovery)'}`;
  page.charts.replaceChildren(...charts(history));
  page.services.replaceChildren(serviceSummary(overview.services, history),
    h('div', { class: 'ops-table-wrap' }, instanceTable(overview.services)));
  page.edges.replaceChildren(edgeTable(overview.edges, overview.edgesProblem));
  page.breakers.replaceChildren(breakerTable(overview.breakers));
}

/** Changes the banner only when its words change, so that screen readers hear each change once. */
function updateStatus(page, overview) {
  page.status.dataset.status = overview.status;
  const word = VERDICTS[overview.status] || overview.status;
  const separator = overview.reasons.length ? ': ' : '';
  if (page.verdict.textContent !== word + separator) {
    page.verdict.replaceChildren(h('span', { class: 'ops-verdict-word', text: word }));
    if (separator) page.verdict.append(h('span', { class: 'visually-hidden', text: separator }));
  }
  if ([...page.reasons.children].map((li) => li.textContent).join('\n') !== overview.reasons.join('\n')) {
    page.reasons.replaceChildren(...overview.reasons.map((reason) => h('li', { text: reason })));
  }
}

function charts(history) {
  const series = points(history);
  const now = history.at(-1).at;
  const line = (name, key, colour, dash) => ({ name, colour, dash, points: series.map((p) => ({ at: p.at, value: p[key] })) });
  const histogram = series.some((p) => p.p50 !== null);
  const latency = histogram
    ? [line('p50', 'p50', COLOURS.p50), line('p99', 'p99', COLOURS.p99, '7 5')]
    : [line('mean', 'mean', COLOURS.mean)];
  return [
    figure('ops-chart-starts', 'Stream starts per second', 'per second', [line('Stream starts', 'streamStarts', COLOURS.starts)], formatRate, 1, now),
    figure('ops-chart-errors', 'Error rate (5xx share)', 'share of requests', [line('5xx', 'errorRate', COLOURS.errors)], formatPercent, 0.01, now),
    figure('ops-chart-latency', histogram ? 'Latency percentiles' : 'Mean latency (no histogram published)', 'latency',
      latency, formatLatency, 0.05, now),
  ];
}

function figure(id, title, yLabel, series, format, floor, now) {
  return h('figure', { class: 'ops-figure', tabindex: '0', 'aria-labelledby': `${id}-caption` },
    h('figcaption', { id: `${id}-caption`, class: 'ops-figure-title', text: title }),
    lineChart({ id, title, yLabel, series, format, floor, now, windowMs: WINDOW_MS }),
    legend(series, format));
}

function time(ms) {
  return new Date(ms).toLocaleTimeString();
}
