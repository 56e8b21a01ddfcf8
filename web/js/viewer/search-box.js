/**
 * The header's search box: type-ahead suggestions from GET /api/v1/search/suggest in an ARIA
 * combobox/listbox (arrow keys, Enter, Escape); Enter without a chosen suggestion opens the
 * results page `#/search?q=`.
 */
import { api } from '../api.js';
import { h, navigate } from '../ui.js';

const DEBOUNCE_MS = 150;
const LIMIT = 8;

/**
 * Wires the search form in the header.
 * @param {HTMLFormElement} form holds `input#search-input` and `ul#search-suggestions`
 */
export function attachSearchBox(form) {
  const input = form.querySelector('#search-input');
  const list = form.querySelector('#search-suggestions');
  let timer = 0;
  let pending = null;
  let active = -1;

  const options = () => [...list.querySelectorAll('[role=option]')];

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(index) {
    const all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', all[active].id);
    all[active].scrollIntoView({ block: 'nearest' });
  }

  function choose(suggestion) {
    close();
    input.value = suggestion.name;
    navigate(`#/title/${encodeURIComponent(suggestion.titleId)}`);
  }

  function show(suggestions) {
    list.replaceChildren(...suggestions.map((s, i) => h('li', {
      id: `search-suggestion-${i}`, role: 'option', 'aria-selected': 'false', dataset: { titleId: s.titleId },
      text: s.name,
      on: { mousedown: (e) => e.preventDefault(), click: () => choose(s) },
    })));
    active = -1;
    list.hidden = suggestions.length === 0;
    input.setAttribute('aria-expanded', String(suggestions.length > 0));
    input.removeAttribute('aria-activedescendant');
  }

  async function suggest(text) {
    pending?.abort();
    pending = new AbortController();
    try {
      const answer = await api(`/api/v1/search/suggest?q=${encodeURIComponent(text)}&limit=${LIMIT}`,
        { signal: pending.signal });
      if (input.value.trim() === text) show(answer.suggestions || []);
    } catch {
      // Type-ahead is best effort: the results page still works with Enter.
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) {
      pending?.abort();
      close();
      return;
    }
    timer = setTimeout(() => suggest(text), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    const open = !list.hidden;
    if (event.key === 'ArrowDown' && open) highlight(active + 1);
    else if (event.key === 'ArrowUp' && open) highlight(active - 1);
    else if (event.key === 'Escape' && open) close();
    else return;
    event.preventDefault();
  });

  input.addEventListener('blur', () => setTimeout(close, 100));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    pending?.abort();
    const option = options()[active];
    if (option) {
      choose({ titleId: option.dataset.titleId, name: option.textContent });
      return;
    }
    const text = input.value.trim();
    close();
    if (text) navigate(`#/search?q=${encodeURIComponent(text)}`);
  });
}
