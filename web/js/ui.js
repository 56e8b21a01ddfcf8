/** Small DOM helpers shared by every page. */

/**
 * Creates an element; a tag like 'svg:path' creates it in the SVG namespace.
 * @param {string} tag
 * @param {object} [attrs] `class`, `id`, `text`, `dataset` {..}, `on` {event: fn}; a property
 *     of the element (e.g. `value`, `checked`, `disabled`, `hidden`) is set as a property; any
 *     other key (aria-*, role, href, ...) as an attribute. null/undefined/false values are skipped.
 * @param {...(Node|string|number|Array|null|undefined|false)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'on') for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
    else if (PROPERTIES.has(key) && !(el instanceof SVGElement)) el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'required', 'htmlFor']);

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/**
 * Replaces the container's content with an error message in words.
 * @param {Element} container
 * @param {*} error an ApiError (its problem title and detail are shown) or any Error
 * @param {{retry?: function}} [options] when `retry` is given, a Retry button calls it
 * @returns {HTMLElement} the `.error[role=alert]` element
 */
export function showError(container, error, { retry } = {}) {
  const problem = error?.problem || {};
  const title = problem.title || (error?.name === 'AbortError' ? 'Cancelled' : 'Something went wrong');
  const detail = problem.detail || (error?.problem ? '' : error?.message || '');
  const box = h('div', { class: 'error', role: 'alert' },
    h('p', { class: 'error-title', text: title }),
    detail && detail !== title ? h('p', { class: 'error-detail', text: detail }) : null,
    problem.retryAfter ? h('p', { class: 'error-detail', text: `Try again in ${problem.retryAfter} s.` }) : null,
    retry ? h('button', { type: 'button', class: 'button', text: 'Retry', on: { click: retry } }) : null);
  container.replaceChildren(box);
  return box;
}

/**
 * Replaces the container's content with an accessible loading indicator.
 * @param {Element} container
 * @param {string} [label='Loading…']
 * @returns {HTMLElement} the status element
 */
export function loading(container, label = 'Loading…') {
  const status = h('div', { class: 'loading', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { text: label }));
  container.replaceChildren(status);
  return status;
}

/**
 * Adds a stylesheet link to the document once.
 * @param {string} href e.g. '/css/player.css'
 * @returns {Promise<void>} resolves when it has loaded (or failed)
 */
export function stylesheet(href) {
  const existing = document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`);
  if (existing) return Promise.resolve();
  const link = h('link', { rel: 'stylesheet', href });
  const loaded = new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
  document.head.append(link);
  return loaded;
}

/**
 * Formats seconds as "h:mm:ss" or "m:ss".
 * @param {number} seconds
 * @returns {string}
 */
export function formatDuration(seconds) {
  const total = Math.max(0, Math.floor(Number(seconds) || 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * Formats a byte count with a decimal unit, e.g. "1.2 MB".
 * @param {number} n
 * @returns {string}
 */
export function formatBytes(n) {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, Number(n) || 0);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * Goes to a route.
 * @param {string} hash e.g. '#/home'
 */
export function navigate(hash) {
  location.hash = hash;
}

const RETURN_KEY = 'reel.returnTo';

/**
 * Remembers where to go once the visitor has signed in and picked a profile.
 * @param {string} hash the route that sent them away, e.g. '#/title/123'
 */
export function rememberReturn(hash) {
  sessionStorage.setItem(RETURN_KEY, hash);
}

/**
 * Goes to the remembered route (once), or to `fallback` when there is none.
 * @param {string} fallback e.g. '#/home'
 */
export function navigateToReturn(fallback) {
  const hash = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  navigate(hash && !/^#\/(login|signup|profiles)/.test(hash) ? hash : fallback);
}
