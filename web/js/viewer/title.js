/**
 * #/title/:id: synopsis, cast, maturity, genres, runtime and, for series, episodes by season.
 * Play or Resume (from the profile's bookmark) opens #/watch/ID?episode=&from=.
 */
import { api, ApiError } from '../api.js';
import { h, showError, loading, navigate, formatDuration } from '../ui.js';

/** The watch page reads this to measure time to first frame from the click. */
const PLAY_CLICKED_KEY = 'reel.playClickedAt';
const MIN_RESUME_MS = 1000;

/**
 * Renders a title's details.
 * @param {HTMLElement} outlet
 * @param {{id: string}} params
 * @returns {Promise<function>} cleanup that aborts pending requests
 */
export async function render(outlet, { id }) {
  const controller = new AbortController();
  await show(outlet, id, controller.signal);
  return () => controller.abort();
}

async function show(outlet, id, signal) {
  loading(outlet, 'Loading title…');
  let title;
  let resume;
  try {
    [title, resume] = await Promise.all([
      api(`/api/v1/titles/${encodeURIComponent(id)}`, { signal }),
      resumePoint(id, signal),
    ]);
  } catch (error) {
    if (error.name === 'AbortError') return;
    showError(outlet, error, { retry: () => show(outlet, id, signal) });
    return;
  }
  document.title = `${title.name} · Reel`;
  outlet.replaceChildren(details(title, resume));
}

/**
 * Where the profile left off: for a movie its bookmark, for a series its Continue Watching entry.
 * Missing or failing lookups mean "start from the beginning".
 * @returns {Promise<{episodeId: string|null, seconds: number}|null>}
 */
async function resumePoint(titleId, signal) {
  try {
    const bookmark = await api(`/api/v1/viewing/bookmarks/${encodeURIComponent(titleId)}`, { signal });
    if (!bookmark.watched && bookmark.positionMillis >= MIN_RESUME_MS) {
      return { episodeId: bookmark.episodeId, seconds: Math.floor(bookmark.positionMillis / 1000) };
    }
    return null;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) return null;
  }
  try {
    const continuing = await api('/api/v1/viewing/continue?size=100', { signal });
    const entry = continuing.items.find((item) => item.titleId === titleId && item.episodeId);
    return entry ? { episodeId: entry.episodeId, seconds: Math.floor(entry.positionMillis / 1000) } : null;
  } catch {
    return null;
  }
}

function watchHash(titleId, episodeId, seconds) {
  const query = new URLSearchParams();
  if (episodeId) query.set('episode', episodeId);
  if (seconds > 0) query.set('from', String(seconds));
  const search = query.toString();
  return `#/watch/${encodeURIComponent(titleId)}${search ? `?${search}` : ''}`;
}

function play(titleId, episodeId, seconds) {
  sessionStorage.setItem(PLAY_CLICKED_KEY, String(performance.now()));
  navigate(watchHash(titleId, episodeId, seconds));
}

function artwork(title) {
  const art = title.artworks.find((a) => a.kind === 'HERO') || title.artworks.find((a) => a.kind === 'BOXART');
  if (!art) return null;
  const img = h('img', {
    class: `title-art title-art-${art.kind.toLowerCase()}`, src: art.url, alt: '', decoding: 'async',
    width: art.width ? String(art.width) : null, height: art.height ? String(art.height) : null,
  });
  img.addEventListener('error', () => {
    img.closest('.title-page')?.classList.remove('has-art');
    img.remove();
  }, { once: true });
  return img;
}

function facts(title) {
  const runtime = title.runtimeMinutes ? `${title.runtimeMinutes} min`
    : title.media ? formatDuration(title.media.durationSeconds) : null;
  const seasons = title.type === 'SERIES' && title.seasons.length
    ? `${title.seasons.length} season${title.seasons.length === 1 ? '' : 's'}` : null;
  return h('ul', { class: 'title-facts', role: 'list' },
    h('li', { text: String(title.year) }),
    h('li', { class: 'maturity', 'aria-label': `Rated ${title.maturity}`, text: title.maturity }),
    runtime ? h('li', { text: runtime }) : null,
    seasons ? h('li', { text: seasons }) : null,
    title.media?.maxHeight ? h('li', { class: 'quality', text: title.media.maxHeight >= 2160 ? '4K' : title.media.maxHeight >= 720 ? 'HD' : 'SD' }) : null);
}

function firstEpisode(title) {
  return title.seasons.flatMap((s) => s.episodes)[0] || null;
}

function playButton(title, resume) {
  const episode = resume?.episodeId ? null : title.type === 'SERIES' ? firstEpisode(title) : null;
  const resuming = Boolean(resume && resume.seconds > 0);
  const button = h('button', {
    type: 'button', id: 'play-button', class: 'button primary play', text: resuming ? 'Resume' : 'Play',
    disabled: !title.playable || (title.type === 'SERIES' && !resume && !episode),
    'aria-describedby': 'play-note',
    on: { click: () => play(title.id, resume?.episodeId || episode?.id || null, resume?.seconds || 0) },
  });
  let note = '';
  if (!title.playable) note = 'Not available to play yet.';
  else if (resuming) note = `From ${formatDuration(resume.seconds)}`;
  if (resume?.episodeId) {
    const ep = title.seasons.flatMap((s) => s.episodes).find((e) => e.id === resume.episodeId);
    if (ep) note = `S${ep.seasonNumber}:E${ep.number} ${ep.name}${note && resuming ? ` · ${note}` : ''}`;
  }
  return [button, h('p', { id: 'play-note', class: 'play-note', text: note })];
}

function episodes(title) {
  if (title.type !== 'SERIES' || !title.seasons.length) return null;
  return h('section', { id: 'episodes', class: 'episodes', 'aria-labelledby': 'episodes-heading' },
    h('h2', { id: 'episodes-heading', text: 'Episodes' }),
    title.seasons.map((season) => h('section', { class: 'season', 'aria-labelledby': `season-${season.number}` },
      h('h3', { id: `season-${season.number}`, text: season.name ? `Season ${season.number}: ${season.name}` : `Season ${season.number}` }),
      h('ol', { class: 'episode-list' }, season.episodes.map((ep) => h('li', { class: 'episode', dataset: { episodeId: ep.id } },
        h('div', { class: 'episode-text' },
          h('h4', { class: 'episode-name', text: `${ep.number}. ${ep.name}` }),
          ep.synopsis ? h('p', { class: 'episode-synopsis', text: ep.synopsis }) : null),
        h('span', { class: 'episode-runtime', text: ep.runtimeMinutes ? `${ep.runtimeMinutes} min` : '' }),
        h('button', {
          type: 'button', class: 'button episode-play', disabled: !title.playable,
          'aria-label': `Play episode ${ep.number}, ${ep.name}`, text: 'Play',
          on: { click: () => play(title.id, ep.id, 0) },
        })))))));
}

function details(title, resume) {
  const genres = title.genres.map((g) => g.name).join(', ');
  const art = artwork(title);
  return h('article', { class: ['title-page', art && 'has-art'] },
    h('div', { class: 'title-hero' }, art,
      h('div', { class: 'title-summary' },
        h('h1', { id: 'title-name', text: title.name }),
        facts(title),
        h('div', { class: 'title-actions' }, playButton(title, resume)),
        h('p', { id: 'title-synopsis', class: 'synopsis', text: title.synopsis }),
        h('dl', { class: 'title-credits' },
          title.cast.length ? [h('dt', { text: 'Cast' }), h('dd', { text: title.cast.join(', ') })] : null,
          genres ? [h('dt', { text: 'Genres' }), h('dd', { text: genres })] : null,
          h('dt', { text: 'Maturity rating' }), h('dd', { text: title.maturity })))),
    episodes(title));
}
