/**
 * A live line chart of a few time series over the last minutes, drawn as plain SVG: y from zero,
 * x from `windowMs` ago to now, a gap wherever a value is unknown.
 */
import { h } from '../ui.js';

const WIDTH = 400;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 12, bottom: 44, left: 74 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

const svg = (tag, attrs, ...children) => h(`svg:${tag}`, attrs, ...children);

/** About four round ticks from zero to at least `max`; the last one is the axis' top. */
function ticks(max) {
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw);
  const result = [];
  for (let i = 0; i * step < max + step * 1e-9; i++) result.push(Number((i * step).toPrecision(6)));
  if (result.at(-1) < max) result.push(Number((result.length * step).toPrecision(6)));
  return result;
}

/** SVG path data through the points, lifting the pen at every null. */
function pathData(points, x, y) {
  let d = '';
  let drawing = false;
  for (const { at, value } of points) {
    if (value === null || value === undefined || !Number.isFinite(value)) {
      drawing = false;
      continue;
    }
    d += `${drawing ? 'L' : 'M'}${x(at).toFixed(1)} ${y(value).toFixed(1)}`;
    drawing = true;
  }
  return d;
}

/**
 * Draws the chart.
 * @param {object} chart
 * @param {string} chart.id unique prefix for the title and description ids
 * @param {string} chart.title what it shows, e.g. "Stream starts per second"
 * @param {string} chart.yLabel the y axis' unit, e.g. "per second"
 * @param {Array<{name: string, colour: string, dash?: string,
 *   points: Array<{at: number, value: ?number}>}>} chart.series
 * @param {function(number): string} chart.format a value in words, for ticks and the description
 * @param {number} chart.floor the least top of the y axis (so that a flat line stays near zero)
 * @param {number} chart.now the right edge, ms since the epoch
 * @param {number} chart.windowMs the span shown
 * @returns {SVGSVGElement} `svg.ops-chart` with a `<title>` and a `<desc>` of the latest values
 */
export function lineChart({ id, title, yLabel, series, format, floor, now, windowMs }) {
  const start = now - windowMs;
  const visible = series.map((s) => ({ ...s, points: s.points.filter((p) => p.at >= start) }));
  const values = visible.flatMap((s) => s.points.map((p) => p.value)).filter(Number.isFinite);
  const yTicks = ticks(Math.max(floor, ...values));
  const top = yTicks.at(-1);
  const x = (at) => MARGIN.left + ((at - start) / windowMs) * PLOT_W;
  const y = (value) => MARGIN.top + PLOT_H - (Math.min(value, top) / top) * PLOT_H;
  const minutes = Math.round(windowMs / 60000);

  const latest = visible.map((s) => {
    const last = s.points.findLast((p) => Number.isFinite(p.value));
    return `${s.name}: ${last ? format(last.value) : 'no data yet'}`;
  });
  return svg('svg', {
    class: 'ops-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
  },
  svg('title', { id: `${id}-title`, text: `${title}, last ${minutes} minutes` }),
  svg('desc', { id: `${id}-desc`, text: `Latest: ${latest.join('; ')}.` }),
  svg('g', { class: 'ops-grid', 'aria-hidden': 'true' },
    yTicks.map((tick) => svg('g', {},
      svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(tick), y2: y(tick) }),
      svg('text', { x: MARGIN.left - 6, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'middle', text: format(tick) }))),
    Array.from({ length: minutes + 1 }, (_, i) => {
      const at = start + i * 60000;
      return svg('text', {
        x: x(at), y: HEIGHT - MARGIN.bottom + 16, 'text-anchor': i === 0 ? 'start' : i === minutes ? 'end' : 'middle',
        text: i === minutes ? 'now' : `−${minutes - i}`,
      });
    }),
    svg('text', { class: 'ops-axis-label', x: MARGIN.left + PLOT_W / 2, y: HEIGHT - 6, 'text-anchor': 'middle', text: 'minutes ago' }),
    svg('text', {
      class: 'ops-axis-label', x: 0, y: 0, 'text-anchor': 'middle',
      transform: `translate(12 ${MARGIN.top + PLOT_H / 2}) rotate(-90)`, text: yLabel,
    })),
  svg('g', { class: 'ops-lines', 'aria-hidden': 'true' },
    visible.map((s) => svg('path', {
      d: pathData(s.points, x, y), fill: 'none', stroke: s.colour, 'stroke-width': 2.5,
      'stroke-dasharray': s.dash || null, 'stroke-linejoin': 'round', 'stroke-linecap': 'round',
    }))));
}

/**
 * A legend for a chart's series: a swatch (colour and dash) and the name with its latest value.
 * @param {Array<{name: string, colour: string, dash?: string, points: Array<{value: ?number}>}>} series
 * @param {function(number): string} format
 * @returns {HTMLElement} `ul.ops-legend`
 */
export function legend(series, format) {
  return h('ul', { class: 'ops-legend' }, series.map((s) => {
    const last = s.points.findLast((p) => Number.isFinite(p.value));
    return h('li', {},
      svg('svg', { class: 'ops-swatch', viewBox: '0 0 24 8', 'aria-hidden': 'true' },
        svg('line', { x1: 1, x2: 23, y1: 4, y2: 4, stroke: s.colour, 'stroke-width': 3, 'stroke-dasharray': s.dash || null })),
      h('span', { text: `${s.name} ` }),
      h('strong', { text: last ? format(last.value) : '–' }));
  }));
}
