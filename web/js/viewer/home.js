/**
 * #/home: the profile's rows from GET /api/v1/home, each scrolling sideways. Arrow keys move
 * between cards (left/right) and rows (up/down) like a TV remote. Rows that came back degraded
 * carry `.degraded` and look the same.
 */
import { api, session } from '../api.js';
import { h, showError, loading } from '../ui.js';
import { titleCard } from './cards.js';
import { rowImpression, titleClicked } from './events.js';

const EAGER_CARDS = 6;

/**
 * Renders the home rows.
 * @param {HTMLElement} outlet
 * @returns {Promise<function>} cleanup that stops the impression observer
 */
export async function render(outlet) {
  const heading = h('h1', { class: 'visually-hidden', text: `Home for ${session.profile.name}` });
  const rows = h('div', { class: 'rows' });
  outlet.append(heading, rows);
  const observer = new IntersectionObserver(onVisible, { threshold: 0.5 });
  await load(rows, observer);
  rows.addEventListener('keydown', moveFocus);
  return () => observer.disconnect();
}

async function load(container, observer) {
  loading(container, 'Loading your rows…');
  let page;
  try {
    page = await api('/api/v1/home');
  } catch (error) {
    showError(container, error, { retry: () => load(container, observer) });
    return;
  }
  const rows = page.rows.filter((row) => row.items.length > 0);
  if (!rows.length) {
    container.replaceChildren(h('p', { class: 'empty', text: 'Nothing to watch here yet. Try searching, or come back after the studio has published titles.' }));
    return;
  }
  const sections = rows.map((row, index) => rowSection(row, index, page.requestId));
  container.replaceChildren(...sections);
  sections.forEach((section, index) => {
    impressions.set(section, () => rowImpression(rows[index], index, page.requestId));
    observer.observe(section);
  });
}

/** Row section -> reports its impression (once, when half of it is on screen). */
const impressions = new WeakMap();

function onVisible(entries, observer) {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    observer.unobserve(entry.target);
    impressions.get(entry.target)?.();
  }
}

function rowSection(row, rowPosition, homeRequestId) {
  const titleId = `row-${rowPosition}-title`;
  const cards = row.items.map((item, position) => h('li', { class: 'row-item' },
    titleCard(item, {
      eager: rowPosition === 0 && position < EAGER_CARDS,
      onClick: () => titleClicked({
        titleId: item.titleId, rowId: row.id, rowPosition, position,
        artworkUrl: item.artworkUrl || null, homeRequestId,
      }),
    })));
  return h('section', {
    class: ['row', row.degraded && 'degraded', `row-${row.kind.toLowerCase().replaceAll('_', '-')}`],
    dataset: { rowId: row.id }, 'aria-labelledby': titleId,
  },
  h('h2', { class: 'row-title', id: titleId, text: row.title }),
  h('ul', { class: 'row-scroller', role: 'list' }, cards));
}

/** Arrow keys: left/right within a row, up/down to the nearest card of the neighbouring row. */
function moveFocus(event) {
  const card = event.target.closest?.('.title-card');
  if (!card || event.altKey || event.ctrlKey || event.metaKey) return;
  const item = card.parentElement;
  const row = card.closest('.row');
  let target = null;
  if (event.key === 'ArrowRight') target = item.nextElementSibling?.firstElementChild;
  else if (event.key === 'ArrowLeft') target = item.previousElementSibling?.firstElementChild;
  else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    const next = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
    target = next && nearestCard(next, card.getBoundingClientRect().left);
  }
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
}

function nearestCard(row, left) {
  let best = null;
  let distance = Infinity;
  for (const card of row.querySelectorAll('.title-card')) {
    const d = Math.abs(card.getBoundingClientRect().left - left);
    if (d < distance) {
      best = card;
      distance = d;
    }
  }
  return best;
}
