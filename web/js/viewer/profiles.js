/** #/profiles: "Who's watching?" -- pick a profile, or add, edit or delete one. */
import { api, session } from '../api.js';
import { h, showError, loading, navigateToReturn } from '../ui.js';

const MATURITIES = ['ALL', '7+', '13+', '16+', '18+'];
const KIDS_MATURITIES = new Set(['ALL', '7+']);
const AVATAR_COLOURS = 6;

function avatarClass(profile) {
  let hash = 0;
  for (const c of profile.id) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return `avatar avatar-${hash % AVATAR_COLOURS}`;
}

/**
 * Renders the profile picker.
 * @param {HTMLElement} outlet
 */
export async function render(outlet) {
  const page = h('section', { class: 'profiles-page', 'aria-labelledby': 'profiles-heading' });
  outlet.append(page);
  await showPicker(page);
}

async function showPicker(page, focusId) {
  loading(page, 'Loading profiles…');
  let profiles;
  try {
    profiles = (await api('/api/v1/profiles', { withProfile: false })).items;
  } catch (error) {
    showError(page, error, { retry: () => showPicker(page) });
    return;
  }
  const tiles = profiles.map((profile) => h('li', { class: 'profile-item' },
    h('button', {
      type: 'button', class: ['profile-tile', profile.kids && 'kids-tile'], dataset: { profileId: profile.id },
      'aria-pressed': String(session.profile?.id === profile.id),
      on: { click: () => pick(profile) },
    },
    h('span', { class: avatarClass(profile), 'aria-hidden': 'true', text: profile.name.slice(0, 1).toUpperCase() }),
    h('span', { class: 'profile-name', text: profile.name }),
    profile.kids ? h('span', { class: 'badge', text: 'Kids' }) : null),
    h('button', {
      type: 'button', class: 'profile-edit link-button', dataset: { profileId: profile.id },
      'aria-label': `Edit ${profile.name}`, text: 'Edit',
      on: { click: () => showForm(page, profile) },
    })));
  page.replaceChildren(
    h('h1', { id: 'profiles-heading', text: "Who's watching?" }),
    h('ul', { class: 'profile-grid', role: 'list' }, tiles),
    h('button', { type: 'button', id: 'profile-add', class: 'button', text: 'Add profile', on: { click: () => showForm(page) } }));
  const focus = focusId && page.querySelector(`.profile-tile[data-profile-id="${CSS.escape(focusId)}"]`);
  if (focus) focus.focus();
}

function pick(profile) {
  session.setProfile(profile);
  navigateToReturn('#/home');
}

/**
 * Shows the add (no profile) or edit form.
 * @param {HTMLElement} page
 * @param {object} [profile] the ProfileView to edit
 */
function showForm(page, profile) {
  const editing = Boolean(profile);
  const errors = h('div', { class: 'form-errors' });
  const name = h('input', {
    id: 'profile-name', name: 'name', type: 'text', required: true, maxlength: '40', autocomplete: 'off',
    value: profile?.name || '',
  });
  const kids = h('input', { id: 'profile-kids', name: 'kids', type: 'checkbox', checked: Boolean(profile?.kids) });
  const maturity = h('select', { id: 'profile-maturity', name: 'maturity', 'aria-describedby': 'profile-maturity-hint' },
    h('option', { value: '', text: 'Default for the profile type' }),
    MATURITIES.map((m) => h('option', { value: m, text: m === 'ALL' ? 'All ages' : m, selected: profile?.maturityCeiling === m })));
  const syncMaturity = () => {
    for (const option of maturity.options) option.disabled = kids.checked && option.value !== '' && !KIDS_MATURITIES.has(option.value);
    if (maturity.selectedOptions[0]?.disabled) maturity.value = '';
  };
  kids.addEventListener('change', syncMaturity);
  syncMaturity();

  const save = h('button', { type: 'submit', id: 'profile-save', class: 'button primary', text: 'Save' });
  const cancel = h('button', { type: 'button', class: 'button', text: 'Cancel', on: { click: () => showPicker(page, profile?.id) } });
  const remove = editing ? h('button', {
    type: 'button', id: 'profile-delete', class: 'button danger', text: 'Delete profile',
    on: { click: () => run(() => deleteProfile(profile)) },
  }) : null;

  const form = h('form', { class: 'profile-form', 'aria-labelledby': 'profile-form-heading' },
    h('h1', { id: 'profile-form-heading', text: editing ? `Edit ${profile.name}` : 'Add a profile' }),
    h('div', { class: 'field' }, h('label', { for: 'profile-name', text: 'Name' }), name),
    h('div', { class: 'field checkbox' }, kids, h('label', { for: 'profile-kids', text: 'Kids profile' })),
    h('div', { class: 'field' }, h('label', { for: 'profile-maturity', text: 'Maturity rating' }), maturity,
      h('p', { id: 'profile-maturity-hint', class: 'hint', text: 'Kids profiles see titles up to 7+.' })),
    errors,
    h('div', { class: 'form-actions' }, save, cancel, remove));

  async function run(action) {
    errors.replaceChildren();
    for (const b of form.querySelectorAll('button')) b.disabled = true;
    try {
      await action();
    } catch (error) {
      showError(errors, error);
      for (const b of form.querySelectorAll('button')) b.disabled = false;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(async () => {
      const body = { name: name.value.trim(), kids: kids.checked, maturityCeiling: maturity.value || null };
      const saved = editing
        ? await api(`/api/v1/profiles/${profile.id}`, { method: 'PATCH', body, withProfile: false })
        : await api('/api/v1/profiles', { method: 'POST', body, withProfile: false });
      if (session.profile?.id === saved.id) session.setProfile(saved);
      await showPicker(page, saved.id);
    });
  });

  async function deleteProfile(doomed) {
    await api(`/api/v1/profiles/${doomed.id}`, { method: 'DELETE', withProfile: false });
    if (session.profile?.id === doomed.id) session.setProfile(null);
    await showPicker(page);
    page.querySelector('#profile-add')?.focus();
  }

  page.replaceChildren(form);
  name.focus();
}
