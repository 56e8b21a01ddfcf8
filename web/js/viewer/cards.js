/** Title cards shared by the home rows and the search results. */
import { h } from '../ui.js';

/**
 * A card linking to a title: its artwork, or the name on a plain tile when there is none (or
 * the image fails to load).
 * @param {{titleId: string, name: string, year?: number, maturity?: string, artworkUrl?: string,
 *     progress?: number|null}} item a HomeItem or a SearchHit
 * @param {{eager?: boolean, onClick?: function}} [options] eager loads the image at once (first row)
 * @returns {HTMLAnchorElement} `a.title-card[data-title-id]`
 */
export function titleCard(item, { eager = false, onClick } = {}) {
  const card = h('a', {
    class: 'title-card', href: `#/title/${encodeURIComponent(item.titleId)}`,
    dataset: { titleId: item.titleId }, on: onClick ? { click: onClick } : null,
  });
  const fallback = () => h('span', { class: 'card-fallback' },
    h('span', { class: 'card-fallback-name', text: item.name }),
    item.year ? h('span', { class: 'card-fallback-meta', text: [item.year, item.maturity].filter(Boolean).join(' · ') }) : null);
  if (item.artworkUrl) {
    const img = h('img', {
      src: item.artworkUrl, alt: item.name, loading: eager ? 'eager' : 'lazy', decoding: 'async',
      width: '240', height: '360',
    });
    img.addEventListener('error', () => img.replaceWith(fallback()), { once: true });
    card.append(img);
  } else {
    card.append(fallback());
  }
  if (typeof item.progress === 'number') card.append(...progressBar(item.progress));
  return card;
}

function progressBar(progress) {
  const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  const fill = h('span', { class: 'card-progress-fill' });
  fill.style.setProperty('--progress', `${percent}%`);
  return [
    h('span', { class: 'card-progress', 'aria-hidden': 'true' }, fill),
    h('span', { class: 'visually-hidden', text: `, ${percent}% watched` }),
  ];
}
