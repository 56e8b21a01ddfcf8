/**
 * The studio (admins only): `#/studio` lists titles, creates them, uploads masters and shows the
 * jobs live; `#/studio/jobs/:id` is one job with its ladder chart; `#/studio/titles/:id` edits and
 * publishes a title.
 */
import { h, loading, showError, stylesheet } from '../ui.js';
import { fetchAllTitles, field, inputError, studioApi } from './common.js';
import { renderJobPage } from './job-page.js';
import { renderJobList } from './jobs.js';
import { renderTitlePage } from './title-page.js';
import { renderUploadPanel } from './upload-form.js';

/**
 * Renders the studio route in `location.hash`.
 * @param {HTMLElement} outlet the emptied `<main>`
 * @param {{id?: string}} params the job or title id of the detail routes
 * @returns {Promise<function(): void>} cleanup: stops streams and timers
 */
export async function render(outlet, params) {
  await stylesheet('/css/studio.css');
  const route = location.hash.replace(/^#/, '').split('?')[0];
  if (route.startsWith('/studio/jobs/')) return renderJobPage(outlet, params.id);
  if (route.startsWith('/studio/titles/')) return renderTitlePage(outlet, params.id);
  return renderDashboard(outlet);
}

function titleItem(title) {
  return h('li', {}, h('a', { class: 'studio-title', href: `#/studio/titles/${title.id}`, dataset: { titleId: title.id } },
    h('span', { class: 'studio-title-name', text: `${title.name} (${title.year})` }),
    h('span', { class: 'badge', dataset: { state: title.state }, text: title.state === 'PUBLISHED' ? 'Published' : 'Draft' }),
    h('span', { class: ['badge', title.playable ? 'playable' : 'not-playable'],
      text: title.playable ? 'Playable' : 'No media' })));
}

async function renderDashboard(outlet) {
  const titleList = h('ul', { id: 'studio-titles', class: 'studio-titles', 'aria-labelledby': 'titles-heading' });
  const newName = h('input', { id: 'new-title-name', type: 'text', required: true, maxlength: '200', autocomplete: 'off' });
  const newType = h('select', { id: 'new-title-type' },
    h('option', { value: 'MOVIE', text: 'Movie' }), h('option', { value: 'SERIES', text: 'Series' }));
  const create = h('button', { id: 'new-title-create', type: 'submit', class: 'button', text: 'Create title' });
  const createStatus = h('div', { class: 'inline-status', role: 'status', 'aria-live': 'polite' });
  const titlesBox = h('div');
  const uploadBox = h('section', { class: 'panel upload-panel', 'aria-labelledby': 'upload-heading' });
  const jobsBox = h('div');

  outlet.replaceChildren(h('div', { class: 'studio' },
    h('h1', { text: 'Studio' }),
    h('div', { class: 'studio-grid' },
      h('section', { class: 'panel', 'aria-labelledby': 'titles-heading' },
        h('h2', { id: 'titles-heading', text: 'Titles' }),
        h('form', { class: 'inline-form new-title', novalidate: true, on: { submit: createTitle } },
          field('new-title-name', 'New title name', newName),
          field('new-title-type', 'Type', newType),
          create),
        createStatus, titlesBox),
      uploadBox),
    h('section', { class: 'panel', 'aria-labelledby': 'jobs-heading' },
      h('h2', { id: 'jobs-heading', text: 'Encoding jobs' }), jobsBox)));

  let titles = [];
  const names = new Map();
  const paintTitles = () => {
    titles.forEach((t) => names.set(t.id, t.name));
    titleList.replaceChildren(...titles.map(titleItem));
    titlesBox.replaceChildren(titles.length ? titleList : h('p', { text: 'No titles yet: create one to upload its master.' }));
  };
  loading(titlesBox, 'Loading titles…');
  try {
    titles = await fetchAllTitles();
    paintTitles();
  } catch (error) {
    showError(titlesBox, error, { retry: () => renderDashboard(outlet) });
  }

  const jobs = renderJobList(jobsBox, { titleName: (id) => names.get(id) || 'Unknown title' });
  const upload = renderUploadPanel(uploadBox, { titles, onUploaded: () => jobs.reload() });

  async function createTitle(event) {
    event.preventDefault();
    createStatus.replaceChildren();
    const name = newName.value.trim();
    if (!name) {
      showError(createStatus, inputError('Give the new title a name.'));
      newName.focus();
      return;
    }
    create.disabled = true;
    try {
      const title = await studioApi('/api/v1/titles', { method: 'POST', body: {
        type: newType.value, name, synopsis: '', year: new Date().getFullYear(), maturity: 'ALL',
      } });
      titles = [...titles, title].sort((a, b) => a.name.localeCompare(b.name));
      paintTitles();
      upload.setTitles(titles, title.id);
      newName.value = '';
      createStatus.replaceChildren(h('p', { class: 'success' }, `Created ${title.name} as a draft. `,
        h('a', { href: `#/studio/titles/${title.id}`, text: 'Edit its details' }), ', or upload its master.'));
    } catch (error) {
      showError(createStatus, error);
    } finally {
      create.disabled = false;
    }
  }

  return () => {
    jobs.cleanup();
    upload.cleanup();
  };
}
