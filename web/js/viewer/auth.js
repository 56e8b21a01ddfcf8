/** Sign-in and sign-up pages (#/login, #/signup). */
import { login, signup } from '../api.js';
import { h, showError, navigate } from '../ui.js';

function field(id, label, attrs, hint) {
  const hintId = hint ? `${id}-hint` : null;
  return h('div', { class: 'field' },
    h('label', { for: id, text: label }),
    h('input', { id, name: id, required: true, 'aria-describedby': hintId, ...attrs }),
    hint ? h('p', { id: hintId, class: 'hint', text: hint }) : null);
}

/**
 * Builds an auth form page and runs `submit(form)` on submit; failures are shown in words.
 * @returns {HTMLFormElement}
 */
function authPage(outlet, { heading, fields, submitId, submitText, footer, submit }) {
  const errors = h('div', { class: 'form-errors' });
  const button = h('button', { type: 'submit', id: submitId, class: 'button primary wide', text: submitText });
  const form = h('form', { class: 'auth-form' }, fields, errors, button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      await submit(new FormData(form));
      navigate('#/profiles');
    } catch (error) {
      showError(errors, error);
    } finally {
      button.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
  outlet.append(h('section', { class: 'auth-page', 'aria-labelledby': 'auth-heading' },
    h('h1', { id: 'auth-heading', text: heading }), form, h('p', { class: 'auth-switch' }, footer)));
  return form;
}

/**
 * #/login: email and password; a 429 shows the rate limiter's problem text.
 * @param {HTMLElement} outlet
 */
export function renderLogin(outlet) {
  authPage(outlet, {
    heading: 'Sign in',
    fields: [
      field('login-email', 'Email', { type: 'email', autocomplete: 'username', inputmode: 'email' }),
      field('login-password', 'Password', { type: 'password', autocomplete: 'current-password' }),
    ],
    submitId: 'login-submit',
    submitText: 'Sign in',
    footer: ['New to Reel? ', h('a', { href: '#/signup', text: 'Create an account' })],
    submit: (data) => login(data.get('login-email').trim(), data.get('login-password')),
  });
  document.getElementById('login-email').focus();
}

/**
 * #/signup: name, email and password; creates the account, then signs in.
 * @param {HTMLElement} outlet
 */
export function renderSignup(outlet) {
  authPage(outlet, {
    heading: 'Create your account',
    fields: [
      field('signup-name', 'Your name', { type: 'text', autocomplete: 'name', maxlength: '80', required: false }),
      field('signup-email', 'Email', { type: 'email', autocomplete: 'email', inputmode: 'email', maxlength: '254' }),
      field('signup-password', 'Password', { type: 'password', autocomplete: 'new-password', minlength: '10', maxlength: '128' },
        'At least 10 characters.'),
    ],
    submitId: 'signup-submit',
    submitText: 'Sign up',
    footer: ['Already have an account? ', h('a', { href: '#/login', text: 'Sign in' })],
    submit: (data) => signup({
      email: data.get('signup-email').trim(),
      password: data.get('signup-password'),
      displayName: data.get('signup-name').trim(),
    }),
  });
  document.getElementById('signup-name').focus();
}
