/** #/search?q=: ranked results from GET /api/v1/search, a page at a time ("More"). */
import { api } from '../api.js';
import { h, showError, loading } from '../ui.js';
import { titleCard } from './cards.js';
import { titleClicked } from './events.js';

const PAGE_SIZE = 24;

/**
 * Renders the search results for `q`.
 * @param {HTMLElement} outlet
 * @param {object} params unused
 * @param {URLSearchParams} query holds `q`
 * @returns {function} cleanup that aborts pending requests
 */
export function render(outlet, params, query) {
  const q = (query.get('q') || '').trim();
  const input = document.getElementById('search-input');
  if (input && document.activeElement !== input) input.value = q;
  const controller = new AbortController();
  const heading = h('h1', { id: 'search-heading', text: q ? `Results for “${q}”` : 'Search' });
  const status = h('p', { class: 'search-status', role: 'status' });
  const results = h('ul', { id: 'search-results', class: 'card-grid', role: 'list' });
  const more = h('div', { class: 'more' });
  outlet.append(h('section', { class: 'search-page', 'aria-labelledby': 'search-heading' }, heading, status, results, more));
  if (!q) {
    status.textContent = 'Type a title, a person or a genre in the search box.';
    return () => controller.abort();
  }
  loadPage(0);

  async function loadPage(page) {
    loading(more, page === 0 ? 'Searching…' : 'Loading more…');
    let answer;
    try {
      answer = await api(`/api/v1/search?q=${encodeURIComponent(q)}&page=${page}&size=${PAGE_SIZE}`,
        { signal: controller.signal });
    } catch (error) {
      if (error.name !== 'AbortError') showError(more, error, { retry: () => loadPage(page) });
      return;
    }
    const first = results.children.length;
    results.append(...answer.items.map((hit, i) => h('li', {},
      titleCard(hit, { onClick: () => titleClicked({ titleId: hit.titleId, position: first + i, artworkUrl: hit.artworkUrl || null }) }))));
    status.textContent = answer.totalItems === 0
      ? `No titles match “${q}”.`
      : `${answer.totalItems} title${answer.totalItems === 1 ? '' : 's'} found.`;
    more.replaceChildren();
    if (page > 0) results.children[first]?.querySelector('a')?.focus();
    if (page + 1 < answer.totalPages) {
      more.append(h('button', { type: 'button', id: 'search-more', class: 'button', text: 'More', on: { click: () => loadPage(page + 1) } }));
    }
  }
  return () => controller.abort();
}
