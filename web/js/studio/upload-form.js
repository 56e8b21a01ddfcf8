/**
 * The upload panel of the studio page: title, file, ladder and profile, a progress bar with
 * percentage, MB/s and time left, and Cancel. The running upload outlives the page (it goes on while
 * the admin looks at a job), and an upload cut off by a reload resumes when the same file is chosen.
 */
import { formatBytes, formatDuration, h, showError } from '../ui.js';
import { discardSavedUpload, ResumableUpload, savedUpload, savedUploads, serverOffset } from './upload.js';
import { field, inputError, problemText } from './common.js';

/** The upload in progress, shared by every rendering of the panel. */
let active = null;
const watchers = new Set();

const LADDERS = { 'per-title': 'PER_TITLE', fixed: 'FIXED' };
const PROFILES = { standard: 'STANDARD', fast: 'FAST' };

window.addEventListener('beforeunload', (event) => {
  if (active && ['starting', 'uploading', 'retrying', 'checking'].includes(active.snapshot.state)) {
    event.preventDefault(); // the upload can resume after a reload, but warn anyway
  }
});

/**
 * Renders the upload panel.
 * @param {HTMLElement} container where the panel goes
 * @param {object} options
 * @param {object[]} options.titles title summaries to choose from
 * @param {function(object): void} options.onUploaded called with the complete upload (it carries jobId)
 * @returns {{setTitles: function(object[], string=): void, cleanup: function(): void}}
 */
export function renderUploadPanel(container, { titles, onUploaded }) {
  const titleSelect = h('select', { id: 'upload-title', required: true });
  const fileInput = h('input', { id: 'upload-file', type: 'file', accept: 'video/*,.mkv,.mov,.mxf,.mp4,.webm' });
  const ladderSelect = h('select', { id: 'upload-ladder' },
    h('option', { value: 'per-title', text: 'Per-title (convex hull)' }),
    h('option', { value: 'fixed', text: 'Fixed ladder' }));
  const profileSelect = h('select', { id: 'upload-profile' },
    h('option', { value: 'standard', text: 'Standard' }),
    h('option', { value: 'fast', text: 'Fast' }));
  const start = h('button', { id: 'upload-start', type: 'submit', class: 'button primary', text: 'Upload' });
  const cancel = h('button', { id: 'upload-cancel', type: 'button', class: 'button', text: 'Cancel upload',
    hidden: true });
  const progress = h('progress', { id: 'upload-progress', max: '100', value: '0', 'aria-labelledby': 'upload-progress-label',
    dataset: { state: 'idle' } });
  const figures = h('p', { class: 'upload-figures', id: 'upload-progress-label', text: 'No upload running.' });
  const status = h('p', { class: 'upload-message', role: 'status', 'aria-live': 'polite' });
  const errors = h('div', { class: 'upload-errors' });
  const resumeNote = h('p', { class: 'hint resume-note', hidden: true });
  const pending = h('div', { class: 'pending-uploads' });

  const form = h('form', { class: 'upload-form', 'aria-labelledby': 'upload-heading', novalidate: true },
    field('upload-title', 'Title', titleSelect),
    field('upload-file', 'Video file', fileInput, 'A master: any container and codec ffmpeg reads.'),
    resumeNote,
    h('div', { class: 'field-row' },
      field('upload-ladder', 'Ladder', ladderSelect, 'Per-title measures trial encodes; fixed uses the 2015 ladder.'),
      field('upload-profile', 'Encoding profile', profileSelect, 'Fast suits short demo clips.')),
    h('div', { class: 'actions' }, start, cancel),
    h('div', { class: 'upload-progress' }, progress, figures, status),
    errors);
  container.replaceChildren(h('h2', { id: 'upload-heading', text: 'Upload a master' }), pending, form);

  function setTitles(list, selectId = titleSelect.value) {
    titleSelect.replaceChildren(h('option', { value: '', text: 'Choose a title…' }),
      ...list.map((t) => h('option', { value: t.id, text: `${t.name} (${t.year})`, selected: t.id === selectId })));
    showPending(list);
  }

  function showPending(list = titles) {
    const names = new Map(list.map((t) => [t.id, t.name]));
    const entries = savedUploads().filter((e) => e.uploadId !== active?.uploadId);
    pending.replaceChildren(...!entries.length ? [] : [h('section', { class: 'notice', 'aria-label': 'Unfinished uploads' },
      h('p', { text: 'Unfinished uploads in this browser: choose the same file again to resume.' }),
      h('ul', {}, entries.map((entry) => h('li', {},
        `${entry.name} (${formatBytes(entry.size)}) for ${names.get(entry.titleId) || 'an unknown title'} `,
        h('button', { type: 'button', class: 'button small', text: 'Discard',
          'aria-label': `Discard the unfinished upload of ${entry.name}`,
          on: { click: () => discardSavedUpload(entry).then(() => showPending(), (e) => showError(errors, e)) } }))))),
    ]);
  }

  async function onFileChosen() {
    const file = fileInput.files[0];
    const saved = file && savedUpload(file);
    resumeNote.hidden = !saved;
    if (!saved) return;
    titleSelect.value = saved.titleId;
    ladderSelect.value = Object.keys(LADDERS).find((k) => LADDERS[k] === saved.ladder) || 'per-title';
    profileSelect.value = Object.keys(PROFILES).find((k) => PROFILES[k] === saved.profile) || 'standard';
    resumeNote.textContent = 'This file has an unfinished upload: it resumes where the server stopped.';
    const offset = await serverOffset(saved.uploadId);
    if (offset !== null && fileInput.files[0] === file) {
      resumeNote.textContent = `This file has an unfinished upload: Reel holds ${formatBytes(offset)} of `
        + `${formatBytes(file.size)} (${Math.floor((offset / file.size) * 100)}%), and the upload resumes from there.`;
    }
  }

  let announced = active?.snapshot.upload?.id;
  let lastState = null;

  function paint(snapshot) {
    if (snapshot.state !== lastState) {
      lastState = snapshot.state;
      showPending();
      if (['done', 'cancelled'].includes(snapshot.state)) resumeNote.hidden = true;
    }
    if (snapshot.state === 'done' && snapshot.upload && snapshot.upload.id !== announced) {
      announced = snapshot.upload.id;
      onUploaded(snapshot.upload);
    }
    const running = ['starting', 'uploading', 'retrying', 'checking'].includes(snapshot.state);
    start.disabled = running;
    cancel.hidden = !running;
    for (const control of [titleSelect, fileInput, ladderSelect, profileSelect]) control.disabled = running;
    progress.value = snapshot.state === 'done' ? 100 : snapshot.percent;
    progress.dataset.state = snapshot.state;
    const parts = [`${snapshot.state === 'done' ? 100 : snapshot.percent.toFixed(1)}%`,
      `${formatBytes(snapshot.offset)} of ${formatBytes(snapshot.length)}`];
    if (running && snapshot.rate) parts.push(`${(snapshot.rate / 1e6).toFixed(1)} MB/s`);
    if (running && snapshot.etaSeconds !== null) parts.push(`${formatDuration(Math.ceil(snapshot.etaSeconds))} left`);
    figures.textContent = parts.join(' · ');
    status.replaceChildren();
    if (snapshot.state === 'done') {
      const jobId = snapshot.upload?.jobId;
      status.append('Upload complete. ');
      if (jobId) status.append(h('a', { href: `#/studio/jobs/${jobId}`, text: 'Follow the encoding job' }));
    } else if (snapshot.message) {
      status.textContent = snapshot.message;
    }
    if (snapshot.state === 'failed') {
      showError(errors, snapshot.error);
    } else if (running) {
      errors.replaceChildren();
    }
  }

  async function begin(event) {
    event.preventDefault();
    errors.replaceChildren();
    const file = fileInput.files[0];
    const missing = !titleSelect.value ? 'Choose the title this master belongs to.'
      : !file ? 'Choose a video file to upload.' : file.size === 0 ? `${file.name} is empty.` : null;
    if (missing) {
      showError(errors, inputError(missing));
      (!titleSelect.value ? titleSelect : fileInput).focus();
      return;
    }
    const upload = new ResumableUpload(file, {
      titleId: titleSelect.value, ladder: LADDERS[ladderSelect.value], profile: PROFILES[profileSelect.value],
    }, (snapshot) => watchers.forEach((watch) => watch(snapshot)));
    active = upload;
    // the snapshots carry the outcome, the error included; paint shows it
    await upload.start().catch(() => {});
  }

  async function stop() {
    try {
      await active?.cancel();
      showPending();
    } catch (error) {
      status.textContent = `Could not cancel: ${problemText(error)}`;
    }
  }

  form.addEventListener('submit', begin);
  fileInput.addEventListener('change', onFileChosen);
  cancel.addEventListener('click', stop);
  watchers.add(paint);
  setTitles(titles, active?.options.titleId);
  if (active) paint(active.snapshot);
  return { setTitles, cleanup: () => watchers.delete(paint) };
}
