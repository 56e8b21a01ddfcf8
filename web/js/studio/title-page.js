/**
 * `#/studio/titles/:id`: publish, unpublish or delete a title, edit its metadata and artwork (a PUT of the
 * whole title with If-Match, so a concurrent edit is caught), see its media and playable state, its
 * encoding jobs, and add seasons and episodes to a series.
 */
import { formatDuration, h, loading, navigate, showError } from '../ui.js';
import { field, inputError, studioApi } from './common.js';
import { renderJobList } from './jobs.js';

const MATURITIES = ['ALL', '7+', '13+', '16+', '18+'];
const ARTWORK_KINDS = { BOXART: 'Box art (portrait, rows)', HERO: 'Hero (wide, details page)', LOGO: 'Logo (transparent)' };

function select(id, options, value) {
  return h('select', { id }, Object.entries(options).map(([v, text]) => h('option', { value: v, text, selected: v === value })));
}

/** One editable artwork row; `index` numbers its ids. */
function artworkRow(artwork, index, onRemove) {
  const id = (name) => `art-${name}-${index}`;
  const url = h('input', { id: id('url'), type: 'text', value: artwork.url || '', required: true, inputmode: 'url',
    class: 'art-url', 'aria-describedby': 'art-url-hint' });
  const preview = h('img', { class: 'art-preview', alt: '', src: artwork.url || null, loading: 'lazy' });
  url.addEventListener('change', () => {
    preview.hidden = false;
    preview.src = url.value;
  });
  preview.addEventListener('error', () => { preview.hidden = true; });
  const row = h('fieldset', { class: 'artwork-row' }, h('legend', { text: `Image ${index + 1}` }),
    preview,
    field(id('kind'), 'Kind', select(id('kind'), ARTWORK_KINDS, artwork.kind || 'BOXART')),
    field(id('url'), 'Image URL', url),
    h('div', { class: 'field-row' },
      field(id('width'), 'Width (px)', h('input', { id: id('width'), type: 'number', min: '1', value: artwork.width ?? '' })),
      field(id('height'), 'Height (px)', h('input', { id: id('height'), type: 'number', min: '1', value: artwork.height ?? '' }))),
    h('button', { type: 'button', class: 'button small', text: 'Remove image', on: { click: () => onRemove(row) } }));
  return row;
}

function readArtworks(list) {
  return [...list.querySelectorAll('.artwork-row')].map((row) => {
    const [kind, url, width, height] = ['select', '.art-url', 'input[id^="art-width"]', 'input[id^="art-height"]']
      .map((selector) => row.querySelector(selector).value.trim());
    return { kind, url, width: width ? Number(width) : null, height: height ? Number(height) : null };
  }).filter((art) => art.url);
}

function mediaFacts(title) {
  const media = title.media;
  const rows = [['Playable', title.playable ? 'Yes: playback can hand it out' : 'No: no encoded media yet']];
  if (media) {
    rows.push(['Duration', formatDuration(media.durationSeconds)], ['Best height', `${media.maxHeight}p`],
      ['Codecs', media.codecs.join(', ') || '–'], ['Audio', media.audioLanguages.join(', ') || '–'],
      ['Subtitles', media.subtitleLanguages.join(', ') || '–'], ['Origin version', media.originVersion]);
  }
  return h('dl', { class: 'facts' }, rows.map(([term, value]) => [h('dt', { text: term }), h('dd', { text: value })]));
}

/**
 * Renders the title page.
 * @param {HTMLElement} outlet
 * @param {string} titleId
 * @returns {Promise<function(): void>} cleanup
 */
export async function renderTitlePage(outlet, titleId) {
  const controller = new AbortController();
  const body = h('div');
  outlet.replaceChildren(h('div', { class: 'studio' },
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/studio', text: '← Studio' })), body));
  loading(body, 'Loading the title…');

  const path = `/api/v1/titles/${encodeURIComponent(titleId)}`;
  let title;
  let etag;
  let genres;
  try {
    const response = await studioApi(path, { raw: true, signal: controller.signal });
    [title, genres] = await Promise.all([response.json(),
      studioApi('/api/v1/genres?size=100', { signal: controller.signal }).then((page) => page.items)]);
    etag = response.headers.get('ETag');
  } catch (error) {
    showError(body, error, { retry: () => renderTitlePage(outlet, titleId) });
    return () => controller.abort();
  }

  const heading = h('h1', { id: 'studio-title-heading' });
  const stateBadge = h('span', { class: 'badge' });
  const publish = h('button', { id: 'title-publish', type: 'button', class: 'button primary', text: 'Publish' });
  const unpublish = h('button', { id: 'title-unpublish', type: 'button', class: 'button', text: 'Unpublish' });
  const remove = h('button', { id: 'title-delete', type: 'button', class: 'button danger', text: 'Delete draft' });
  const publishStatus = h('div', { class: 'inline-status', role: 'status', 'aria-live': 'polite' });
  const mediaBox = h('div');

  const name = h('input', { id: 'meta-name', type: 'text', required: true, maxlength: '200' });
  const synopsis = h('textarea', { id: 'meta-synopsis', rows: '5', maxlength: '4000' });
  const type = select('meta-type', { MOVIE: 'Movie', SERIES: 'Series' }, title.type);
  const year = h('input', { id: 'meta-year', type: 'number', min: '1870', max: '2100', required: true });
  const runtime = h('input', { id: 'meta-runtime', type: 'number', min: '1' });
  const maturity = select('meta-maturity', Object.fromEntries(MATURITIES.map((m) => [m, m])), title.maturity);
  const cast = h('textarea', { id: 'meta-cast', rows: '4' });
  const genreBoxes = h('div', { class: 'checkbox-grid' });
  const artworks = h('div', { class: 'artwork-list' });
  const addArtwork = h('button', { type: 'button', class: 'button small', text: 'Add an image' });
  const save = h('button', { id: 'meta-save', type: 'submit', class: 'button primary', text: 'Save changes' });
  const saveStatus = h('div', { class: 'inline-status', role: 'status', 'aria-live': 'polite' });
  const seasonsBox = h('section', { class: 'panel', 'aria-labelledby': 'seasons-heading' });

  let artworkCount = 0;
  const removeRow = (row) => row.remove();
  const addRow = (artwork) => artworks.append(artworkRow(artwork, artworkCount++, removeRow));

  function fill() {
    heading.textContent = title.name;
    stateBadge.textContent = title.state === 'PUBLISHED' ? 'Published' : 'Draft';
    stateBadge.dataset.state = title.state;
    publish.hidden = title.state === 'PUBLISHED';
    unpublish.hidden = title.state !== 'PUBLISHED';
    remove.hidden = title.state === 'PUBLISHED';
    name.value = title.name;
    synopsis.value = title.synopsis;
    type.value = title.type;
    year.value = String(title.year);
    runtime.value = title.runtimeMinutes ?? '';
    maturity.value = title.maturity;
    cast.value = title.cast.join('\n');
    const chosen = new Set(title.genres.map((g) => g.id));
    genreBoxes.replaceChildren(...genres.map((g) => h('label', { class: 'checkbox' },
      h('input', { type: 'checkbox', value: g.id, checked: chosen.has(g.id) }), g.name)));
    artworks.replaceChildren();
    artworkCount = 0;
    title.artworks.forEach(addRow);
    mediaBox.replaceChildren(mediaFacts(title));
    renderSeasons();
  }

  function accept(response, details) {
    title = details;
    etag = response.headers.get('ETag') || etag;
    fill();
  }

  async function write(method, url, payload) {
    const response = await studioApi(url, { method, body: payload, raw: true,
      headers: method === 'PUT' && etag ? { 'If-Match': etag } : undefined });
    return [response, await response.json()];
  }

  async function changeState(action) {
    publishStatus.replaceChildren();
    try {
      accept(...await write('POST', `${path}/${action}`));
      publishStatus.textContent = title.state === 'PUBLISHED' ? 'Published: viewers can now find it.' : 'Unpublished: it is a draft again.';
      (title.state === 'PUBLISHED' ? unpublish : publish).focus();
    } catch (error) {
      showError(publishStatus, error);
    }
  }

  /** Deletes on the second press, so one stray press (or remote click) deletes nothing. */
  async function deleteDraft() {
    if (!remove.dataset.armed) {
      remove.dataset.armed = 'true';
      remove.textContent = 'Press again to delete';
      setTimeout(() => {
        delete remove.dataset.armed;
        remove.textContent = 'Delete draft';
      }, 5000);
      return;
    }
    try {
      await studioApi(path, { method: 'DELETE' });
      navigate('#/studio');
    } catch (error) {
      showError(publishStatus, error);
    }
  }

  async function submit(event) {
    event.preventDefault();
    saveStatus.replaceChildren();
    const request = {
      type: type.value, name: name.value.trim(), synopsis: synopsis.value.trim(), year: Number(year.value),
      runtimeMinutes: runtime.value ? Number(runtime.value) : null, maturity: maturity.value,
      cast: cast.value.split('\n').map((line) => line.trim()).filter(Boolean),
      genreIds: [...genreBoxes.querySelectorAll('input:checked')].map((box) => box.value),
      artworks: readArtworks(artworks),
    };
    if (!request.name) {
      showError(saveStatus, inputError('The name is required.'));
      name.focus();
      return;
    }
    save.disabled = true;
    try {
      accept(...await write('PUT', path, request));
      saveStatus.replaceChildren(h('p', { class: 'success', text: 'Saved.' }));
    } catch (error) {
      const box = showError(saveStatus, error);
      if (error.status === 412) {
        box.append(h('button', { type: 'button', class: 'button', text: 'Load the latest version',
          on: { click: () => renderTitlePage(outlet, titleId) } }));
      }
    } finally {
      save.disabled = false;
    }
  }

  function renderSeasons() {
    if (title.type !== 'SERIES') {
      seasonsBox.hidden = true;
      return;
    }
    seasonsBox.hidden = false;
    const seasonNumber = h('input', { id: 'season-number', type: 'number', min: '1', required: true,
      value: String((title.seasons.at(-1)?.number || 0) + 1) });
    const seasonName = h('input', { id: 'season-name', type: 'text', maxlength: '200' });
    const lastSeason = title.seasons.at(-1);
    const episodeSeason = h('select', { id: 'episode-season' }, title.seasons.map((s) =>
      h('option', { value: String(s.number), text: `Season ${s.number}`, selected: s === lastSeason })));
    const episodeNumber = h('input', { id: 'episode-number', type: 'number', min: '1', required: true,
      value: String((lastSeason?.episodes.at(-1)?.number || 0) + 1) });
    const episodeName = h('input', { id: 'episode-name', type: 'text', required: true, maxlength: '200' });
    const episodeRuntime = h('input', { id: 'episode-runtime', type: 'number', min: '1', required: true, value: '30' });
    const status = h('div', { class: 'inline-status', role: 'status', 'aria-live': 'polite' });
    const add = (url, payload) => async (event) => {
      event.preventDefault();
      try {
        await studioApi(url(), { method: 'POST', body: payload() });
        const response = await studioApi(path, { raw: true });
        accept(response, await response.json());
      } catch (error) {
        showError(status, error);
      }
    };
    seasonsBox.replaceChildren(...[h('h2', { id: 'seasons-heading', text: 'Seasons and episodes' }),
      title.seasons.length ? h('ol', { class: 'season-list' }, title.seasons.map((s) => h('li', {},
        h('h3', { text: `Season ${s.number}${s.name ? `: ${s.name}` : ''}` }),
        s.episodes.length ? h('ol', {}, s.episodes.map((e) => h('li', { value: String(e.number),
          text: `${e.name} (${e.runtimeMinutes} min)` }))) : h('p', { class: 'hint', text: 'No episodes yet.' }))))
        : h('p', { text: 'No seasons yet. A series needs at least one episode before it can be published.' }),
      h('form', { class: 'inline-form', on: { submit: add(() => `${path}/seasons`,
        () => ({ number: Number(seasonNumber.value), name: seasonName.value.trim() || null })) } },
      field('season-number', 'Season number', seasonNumber), field('season-name', 'Season name (optional)', seasonName),
      h('button', { type: 'submit', class: 'button', text: 'Add season' })),
      title.seasons.length ? h('form', { class: 'inline-form', on: { submit: add(() => `${path}/seasons/${episodeSeason.value}/episodes`,
        () => ({ number: Number(episodeNumber.value), name: episodeName.value.trim(), runtimeMinutes: Number(episodeRuntime.value) })) } },
      field('episode-season', 'Season', episodeSeason), field('episode-number', 'Episode number', episodeNumber),
      field('episode-name', 'Episode name', episodeName), field('episode-runtime', 'Runtime (minutes)', episodeRuntime),
      h('button', { type: 'submit', class: 'button', text: 'Add episode' })) : null,
      status].filter(Boolean));
  }

  publish.addEventListener('click', () => changeState('publish'));
  unpublish.addEventListener('click', () => changeState('unpublish'));
  remove.addEventListener('click', deleteDraft);
  addArtwork.addEventListener('click', () => {
    addRow({ kind: 'BOXART', url: '' });
    artworks.lastElementChild.querySelector('.art-url').focus();
  });

  const jobsBox = h('div');
  body.replaceChildren(
    h('header', { class: 'title-head' }, heading, stateBadge,
      h('div', { class: 'actions' }, publish, unpublish, remove,
        h('a', { class: 'button', href: `#/title/${title.id}`, text: 'View as a viewer' })), publishStatus),
    h('div', { class: 'studio-grid' },
      h('section', { class: 'panel', 'aria-labelledby': 'meta-heading' }, h('h2', { id: 'meta-heading', text: 'Details' }),
        h('form', { class: 'meta-form', novalidate: true, on: { submit } },
          field('meta-name', 'Name', name),
          field('meta-synopsis', 'Synopsis', synopsis),
          h('div', { class: 'field-row' }, field('meta-type', 'Type', type), field('meta-year', 'Year', year),
            field('meta-runtime', 'Runtime (minutes)', runtime, 'Movies; leave empty for a series.'),
            field('meta-maturity', 'Maturity rating', maturity)),
          field('meta-cast', 'Cast', cast, 'One name per line, in billing order.'),
          h('fieldset', { class: 'genres' }, h('legend', { text: 'Genres' }), genreBoxes),
          h('fieldset', { class: 'artworks' }, h('legend', { text: 'Artwork' }),
            h('p', { class: 'hint', id: 'art-url-hint', text: 'An absolute http(s) URL, or a path on this site starting with /.' }),
            artworks, addArtwork),
          h('div', { class: 'actions' }, save), saveStatus)),
      h('div', { class: 'side' },
        h('section', { class: 'panel', 'aria-labelledby': 'media-heading' }, h('h2', { id: 'media-heading', text: 'Media' }), mediaBox),
        seasonsBox,
        h('section', { class: 'panel', 'aria-labelledby': 'title-jobs-heading' },
          h('h2', { id: 'title-jobs-heading', text: 'Encoding jobs' }), jobsBox))));
  fill();
  const jobs = renderJobList(jobsBox, { titleName: () => title.name, titleId: title.id });
  return () => {
    controller.abort();
    jobs.cleanup();
  };
}
