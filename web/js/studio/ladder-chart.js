/**
 * The ladder chart of a job: quality against bitrate (log scale) with every trial encode by
 * resolution, the convex hull, the chosen rungs and the fixed ladder, drawn as plain SVG; and
 * tables of the rungs. The fixed ladder's rungs were not measured, so their quality is read off the
 * trial curve of the same resolution where the trials cover their bitrate (else they sit on the axis).
 */
import { h } from '../ui.js';
import { formatBitrate } from './common.js';

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { top: 16, right: 20, bottom: 58, left: 62 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
/** Colour-blind-safe hues (Okabe–Ito, lightened for a dark plot), one per resolution, with a shape each. */
const SERIES = [
  ['#e69f00', 'circle'], ['#56b4e9', 'square'], ['#00b386', 'triangle'], ['#f0e442', 'diamond'],
  ['#ff7a33', 'triangle-down'], ['#b48ef0', 'plus'], ['#7fdbca', 'circle'], ['#ffffff', 'square'],
];
const HULL_COLOUR = '#e8e8e8';
const CHOSEN_COLOUR = '#ff4d8d';
const FIXED_COLOUR = '#9aa4b2';

const svg = (tag, attrs, ...children) => h(`svg:${tag}`, attrs, ...children);
const label = (res) => `${res.height}p`;
const kbps = (bps) => Math.round(bps / 1000).toLocaleString('en');
const count = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const NUMERIC = new Set(['Bitrate', 'Max bitrate', 'CRF', 'Expected quality', 'Quality']);
const headerRow = (names) => h('thead', {}, h('tr', {}, names.map((name) =>
  h('th', { scope: 'col', class: NUMERIC.has(name) ? 'number' : null, text: name }))));

function metricLabel(metric) {
  if (!metric) return 'Quality';
  if (/ssim/i.test(metric)) return 'SSIM, luma (dB)';
  if (/psnr/i.test(metric)) return 'PSNR (dB)';
  return metric;
}

/** Ticks at 1, 2 and 5 times the powers of ten inside [min, max], or at every digit when that gives too few. */
function logTicks(min, max) {
  const at = (multiples) => {
    const ticks = [];
    for (let decade = 10 ** Math.floor(Math.log10(min)); decade <= max; decade *= 10) {
      for (const m of multiples) if (decade * m >= min && decade * m <= max) ticks.push(decade * m);
    }
    return ticks;
  };
  const coarse = at([1, 2, 5]);
  return coarse.length >= 4 ? coarse : at([1, 2, 3, 4, 5, 6, 7, 8, 9]);
}

/** About five round ticks over [min, max]. */
function linearTicks(min, max) {
  const raw = (max - min) / 5 || 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw);
  const ticks = [];
  for (let t = Math.ceil(min / step) * step; t <= max + 1e-9; t += step) ticks.push(Number(t.toFixed(6)));
  return ticks;
}

/** Quality of a fixed rung read off the trial curve of its height, by log-bitrate interpolation; null outside it. */
function estimateQuality(rung, points) {
  const curve = points.filter((p) => p.resolution.height === rung.resolution.height)
    .sort((a, b) => a.bitrate - b.bitrate);
  for (let i = 1; i < curve.length; i++) {
    const [a, b] = [curve[i - 1], curve[i]];
    if (rung.bitrate >= a.bitrate && rung.bitrate <= b.bitrate) {
      const t = (Math.log(rung.bitrate) - Math.log(a.bitrate)) / (Math.log(b.bitrate) - Math.log(a.bitrate) || 1);
      return a.quality + t * (b.quality - a.quality);
    }
  }
  return null;
}

function marker(shape, x, y, s, colour, filled = true) {
  const paint = filled ? { fill: colour, stroke: '#111' } : { fill: 'none', stroke: colour, 'stroke-width': '2' };
  const polygon = (...corners) => svg('polygon', { points: corners.map(([dx, dy]) => `${x + dx * s},${y + dy * s}`).join(' '), ...paint });
  switch (shape) {
    case 'square': return svg('rect', { x: x - s, y: y - s, width: 2 * s, height: 2 * s, ...paint });
    case 'triangle': return polygon([0, -1.2], [1.1, 1], [-1.1, 1]);
    case 'triangle-down': return polygon([0, 1.2], [1.1, -1], [-1.1, -1]);
    case 'diamond': return polygon([0, -1.3], [1.3, 0], [0, 1.3], [-1.3, 0]);
    case 'plus': return svg('path', { d: `M${x - s * 1.2},${y}h${s * 2.4}M${x},${y - s * 1.2}v${s * 2.4}`,
      stroke: colour, 'stroke-width': '3', fill: 'none' });
    default: return svg('circle', { cx: x, cy: y, r: s, ...paint });
  }
}

const withTitle = (element, text) => {
  element.append(svg('title', { text }));
  return element;
};
const line = (items, scale) => items.map((p) => `${scale.x(p.bitrate)},${scale.y(p.quality)}`).join(' ');
const qualityText = (q) => (q === null ? 'quality not measured' : `${q.toFixed(2)} dB`);

/** What the chart shows: trial points by resolution, the hull, the chosen rungs and the fixed rungs. */
function chartData(ladder, fixedLadder) {
  const points = ladder.points || [];
  const isFixed = ladder.kind === 'FIXED';
  const estimated = (rungs) => rungs.map((r) => ({ ...r, quality: estimateQuality(r, points) }));
  const resolutions = [...new Map(points.map((p) => [label(p.resolution), p.resolution])).values()]
    .sort((a, b) => a.width * a.height - b.width * b.height);
  return {
    isFixed,
    points,
    resolutions,
    style: new Map(resolutions.map((r, i) => [label(r), SERIES[i % SERIES.length]])),
    hull: [...(ladder.hull || [])].sort((a, b) => a.bitrate - b.bitrate),
    chosen: isFixed ? [] : ladder.rungs.map((r) => ({ ...r, quality: r.expectedQuality ?? null })),
    fixed: estimated(isFixed ? ladder.rungs : fixedLadder?.rungs || []),
    yName: metricLabel(ladder.metric),
  };
}

/** Log bitrate across, quality up; a point without quality sits on the bitrate axis. */
function scales(data) {
  const all = [...data.points, ...data.hull, ...data.chosen, ...data.fixed];
  const rates = all.map((p) => p.bitrate);
  const qualities = all.map((p) => p.quality).filter((q) => q !== null);
  const [xMin, xMax] = [Math.min(...rates) / 1.25, Math.max(...rates) * 1.25];
  const hasQuality = qualities.length > 0;
  const [qMin, qMax] = hasQuality ? [Math.min(...qualities), Math.max(...qualities)] : [0, 1];
  const pad = (qMax - qMin) * 0.08 || 1;
  const [yMin, yMax] = [qMin - pad, qMax + pad];
  const span = Math.log10(xMax) - Math.log10(xMin);
  return {
    hasQuality,
    x: (bps) => MARGIN.left + ((Math.log10(bps) - Math.log10(xMin)) / span) * PLOT_W,
    y: (q) => MARGIN.top + (q === null ? PLOT_H : (1 - (q - yMin) / (yMax - yMin)) * PLOT_H),
    xTicks: logTicks(xMin, xMax),
    yTicks: hasQuality ? linearTicks(yMin, yMax) : [],
  };
}

function axes(scale, yTitle) {
  const bottom = MARGIN.top + PLOT_H;
  const middle = MARGIN.top + PLOT_H / 2;
  return svg('g', { class: 'axes' },
    scale.xTicks.map((t) => svg('g', { class: 'tick' },
      svg('line', { x1: scale.x(t), x2: scale.x(t), y1: MARGIN.top, y2: bottom, class: 'grid' }),
      svg('text', { x: scale.x(t), y: bottom + 18, 'text-anchor': 'middle', text: kbps(t) }))),
    scale.yTicks.map((t) => svg('g', { class: 'tick' },
      svg('line', { x1: MARGIN.left, x2: MARGIN.left + PLOT_W, y1: scale.y(t), y2: scale.y(t), class: 'grid' }),
      svg('text', { x: MARGIN.left - 8, y: scale.y(t) + 4, 'text-anchor': 'end', text: String(t) }))),
    svg('rect', { x: MARGIN.left, y: MARGIN.top, width: PLOT_W, height: PLOT_H, class: 'frame', fill: 'none' }),
    svg('text', { x: MARGIN.left + PLOT_W / 2, y: HEIGHT - 12, 'text-anchor': 'middle', class: 'axis-title',
      text: 'Bitrate (kbit/s, log scale)' }),
    svg('text', { x: 16, y: middle, 'text-anchor': 'middle', class: 'axis-title', transform: `rotate(-90 16 ${middle})`,
      text: scale.hasQuality ? yTitle : 'Quality (not measured)' }));
}

function trials(data, scale) {
  const curves = svg('g', { class: 'curves', 'aria-hidden': 'true' }, data.resolutions.map((r) => svg('polyline', {
    points: line(data.points.filter((p) => label(p.resolution) === label(r)).sort((a, b) => a.bitrate - b.bitrate), scale),
    fill: 'none', stroke: data.style.get(label(r))[0], 'stroke-width': '1', 'stroke-opacity': '0.45' })));
  const marks = svg('g', { class: 'trials' }, data.points.map((p) => {
    const [colour, shape] = data.style.get(label(p.resolution));
    return withTitle(marker(shape, scale.x(p.bitrate), scale.y(p.quality), 4.5, colour),
      `${label(p.resolution)}${p.crf != null ? `, CRF ${p.crf}` : ''}: ${formatBitrate(p.bitrate)}, ${qualityText(p.quality)}`);
  }));
  return [curves, marks];
}

function hullLine(data, scale) {
  return data.hull.length
    ? svg('polyline', { class: 'hull', fill: 'none', stroke: HULL_COLOUR, 'stroke-width': '2', points: line(data.hull, scale) })
    : null;
}

function fixedRungs(data, scale) {
  const placed = data.fixed.filter((r) => r.quality !== null);
  return svg('g', { class: 'fixed' },
    placed.length > 1 ? svg('polyline', { fill: 'none', stroke: FIXED_COLOUR, 'stroke-width': '2',
      'stroke-dasharray': '6 4', points: line(placed, scale) }) : null,
    data.fixed.map((r) => {
      const [x, y] = [scale.x(r.bitrate), scale.y(r.quality)];
      const mark = withTitle(marker('square', x, y, 5, FIXED_COLOUR, false), `Fixed ladder ${label(r.resolution)}: `
        + `${formatBitrate(r.bitrate)}, ${r.quality === null ? 'not covered by the trials' : `about ${qualityText(r.quality)} (estimated)`}`);
      return r.quality !== null ? mark
        : svg('g', {}, mark, svg('text', { x, y: y - 12, 'text-anchor': 'middle', class: 'fixed-label', text: label(r.resolution) }));
    }));
}

function chosenRungs(data, scale) {
  return svg('g', { class: 'chosen' }, data.chosen.map((r, i) => {
    const [x, y] = [scale.x(r.bitrate), scale.y(r.quality)];
    return svg('g', {},
      withTitle(svg('circle', { cx: x, cy: y, r: '9', fill: 'none', stroke: CHOSEN_COLOUR, 'stroke-width': '3' }),
        `Rung ${i + 1}: ${label(r.resolution)} at ${formatBitrate(r.bitrate)}, ${qualityText(r.quality)}`),
      svg('text', { x, y: y - 13, 'text-anchor': 'middle', class: 'rung-label', text: String(i + 1) }));
  }));
}

function legend(data) {
  const item = (symbol, text) => h('li', {}, svg('svg', { width: '28', height: '16', viewBox: '0 0 28 16',
    'aria-hidden': 'true', class: 'swatch' }, symbol), text);
  const stroke = (colour, dash) => svg('line', { x1: 2, x2: 26, y1: 8, y2: 8, stroke: colour, 'stroke-width': '2',
    'stroke-dasharray': dash });
  return h('ul', { class: 'chart-legend', 'aria-label': 'Legend' },
    data.resolutions.map((r) => {
      const [colour, shape] = data.style.get(label(r));
      return item(marker(shape, 14, 8, 4.5, colour), `${label(r)} trial encodes`);
    }),
    data.hull.length ? item(stroke(HULL_COLOUR), 'Convex hull') : null,
    data.chosen.length ? item(svg('circle', { cx: 14, cy: 8, r: 6, fill: 'none', stroke: CHOSEN_COLOUR, 'stroke-width': '2.5' }),
      'Chosen rungs') : null,
    data.fixed.length ? item(svg('g', {}, stroke(FIXED_COLOUR, '5 3'), marker('square', 14, 8, 4, FIXED_COLOUR, false)),
      data.isFixed ? 'Fixed ladder rungs' : 'Fixed ladder (quality estimated)') : null);
}

/** The chart in words: its `<desc>` and caption. */
function describe(data) {
  const span = (rungs) => (rungs.length === 1 ? `at ${formatBitrate(rungs[0].bitrate)}`
    : `from ${formatBitrate(rungs[0].bitrate)} to ${formatBitrate(rungs.at(-1).bitrate)}`);
  if (data.isFixed) {
    return `This job used the fixed ladder: ${count(data.fixed.length, 'rung')} ${span(data.fixed)}. `
      + 'No trial encodes were measured, so the rungs sit on the bitrate axis.';
  }
  const unplaced = data.fixed.filter((r) => r.quality === null).length;
  const fixed = !data.fixed.length ? '' : `The fixed ladder has ${count(data.fixed.length, 'rung')} ${span(data.fixed)}; `
    + 'its quality is estimated from the trial curve of the same resolution'
    + (unplaced ? `, and ${count(unplaced, 'rung')} outside the bitrates the trials covered `
      + `${unplaced === 1 ? 'sits' : 'sit'} on the bitrate axis.` : '.');
  return `${count(data.points.length, 'trial encode')} at ${data.resolutions.map(label).join(', ')}; the convex hull `
    + `has ${count(data.hull.length, 'vertex', 'vertices')}; ${count(data.chosen.length, 'rung')} chosen `
    + `${span(data.chosen)}. ${fixed}`;
}

/**
 * Draws the chart.
 * @param {object} ladder the job's ladder (per-title: rungs, points, hull; fixed: rungs only)
 * @param {object|null} fixedLadder the fixed ladder for the same source, for comparison
 * @returns {HTMLElement} a figure with `svg#ladder-chart`, its legend and a caption
 */
export function ladderChart(ladder, fixedLadder) {
  const data = chartData(ladder, fixedLadder);
  const scale = scales(data);
  const description = describe(data);
  const chart = svg('svg', { id: 'ladder-chart', class: 'ladder-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
    'aria-labelledby': 'ladder-chart-title ladder-chart-desc' },
  svg('title', { id: 'ladder-chart-title', text: `${scale.hasQuality ? data.yName : 'Rungs'} against bitrate` }),
  svg('desc', { id: 'ladder-chart-desc', text: description }),
  svg('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: 'backdrop' }),
  axes(scale, data.yName), hullLine(data, scale), fixedRungs(data, scale), trials(data, scale), chosenRungs(data, scale));
  // On a phone the chart keeps a readable size and scrolls sideways; the box takes focus so keys can scroll it.
  return h('figure', { class: 'ladder-figure' },
    h('div', { class: 'chart-box', tabindex: '0', role: 'group', 'aria-label': 'Ladder chart' }, chart), legend(data),
    h('figcaption', { class: 'hint', text: description }));
}

/**
 * A table of a ladder's rungs.
 * @param {object} ladder
 * @param {string} caption
 * @param {string} [id]
 * @returns {HTMLElement}
 */
export function rungTable(ladder, caption, id) {
  return h('div', { class: 'table-scroll' }, h('table', { class: 'data-table rung-table', id },
    h('caption', { text: caption }),
    headerRow(['#', 'Resolution', 'Bitrate', 'Max bitrate', 'Rate control', 'CRF', 'Expected quality']),
    h('tbody', {}, ladder.rungs.map((r, i) => h('tr', {},
      h('td', { text: String(i + 1) }),
      h('td', { text: `${r.resolution.width}×${r.resolution.height}` }),
      h('td', { class: 'number', text: formatBitrate(r.bitrate) }),
      h('td', { class: 'number', text: formatBitrate(r.maxBitrate) }),
      h('td', { text: r.rateControl === 'CAPPED_CRF' ? 'Capped CRF' : 'Capped VBR' }),
      h('td', { class: 'number', text: r.crf ?? '–' }),
      h('td', { class: 'number', text: r.expectedQuality != null ? `${r.expectedQuality.toFixed(2)} dB` : '–' }))))));
}

/**
 * The trial encodes as a table, folded away: the chart's data for screen readers and exact values.
 * @param {object[]} points
 * @returns {HTMLElement|null}
 */
export function trialTable(points) {
  if (!points?.length) return null;
  const sorted = [...points].sort((a, b) => a.resolution.height - b.resolution.height || a.bitrate - b.bitrate);
  return h('details', { class: 'trials-details' }, h('summary', { text: `All ${points.length} trial encodes` }),
    h('div', { class: 'table-scroll' }, h('table', { class: 'data-table' },
      headerRow(['Resolution', 'CRF', 'Bitrate', 'Quality']),
      h('tbody', {}, sorted.map((p) => h('tr', {},
        h('td', { text: label(p.resolution) }), h('td', { class: 'number', text: p.crf ?? '–' }),
        h('td', { class: 'number', text: formatBitrate(p.bitrate) }),
        h('td', { class: 'number', text: `${p.quality.toFixed(2)} dB` })))))));
}
