/**
 * The single page app: hash router, header and navigation. Each route renders into a fresh
 * `<main id="outlet">`; a page's `render(outlet, params, query)` may return a cleanup function,
 * called before the next route renders.
 */
import { session } from './api.js';
import { h, showError, loading, navigate, rememberReturn } from './ui.js';
import { attachSearchBox } from './viewer/search-box.js';

/**
 * chrome: 'full' (header with nav and search), 'minimal' (brand only) or 'none' (full screen).
 * access: 'public', 'account' (signed in), 'profile' (signed in with a profile) or 'admin'.
 */
const ROUTES = [
  { path: '/login', title: 'Sign in', chrome: 'minimal', access: 'public', load: () => page('./viewer/auth.js', 'renderLogin') },
  { path: '/signup', title: 'Sign up', chrome: 'minimal', access: 'public', load: () => page('./viewer/auth.js', 'renderSignup') },
  { path: '/profiles', title: "Who's watching?", chrome: 'minimal', access: 'account', load: () => page('./viewer/profiles.js') },
  { path: '/home', title: 'Home', chrome: 'full', access: 'profile', load: () => page('./viewer/home.js') },
  { path: '/title/:id', title: 'Title', chrome: 'full', access: 'profile', load: () => page('./viewer/title.js') },
  { path: '/search', title: 'Search', chrome: 'full', access: 'profile', load: () => page('./viewer/search.js') },
  { path: '/watch/:titleId', title: 'Watch', chrome: 'none', access: 'profile', load: () => page('./player/watch.js') },
  { path: '/studio', title: 'Studio', chrome: 'full', access: 'admin', load: () => page('./studio/studio.js') },
  { path: '/studio/jobs/:id', title: 'Studio job', chrome: 'full', access: 'admin', load: () => page('./studio/studio.js') },
  { path: '/studio/titles/:id', title: 'Studio title', chrome: 'full', access: 'admin', load: () => page('./studio/studio.js') },
  { path: '/ops', title: 'Ops', chrome: 'full', access: 'admin', load: () => page('./ops/ops.js') },
].map((route) => ({ ...route, pattern: compile(route.path) }));

async function page(module, name = 'render') {
  return (await import(module))[name];
}

function compile(path) {
  const names = [];
  const source = path.replace(/:(\w+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  });
  return { regex: new RegExp(`^${source}/?$`), names };
}

function parse(hash) {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?', 2);
  return { path, query: new URLSearchParams(search) };
}

function match(path) {
  for (const route of ROUTES) {
    const found = route.pattern.regex.exec(path);
    if (found) {
      const params = Object.fromEntries(route.pattern.names.map((n, i) => [n, decodeURIComponent(found[i + 1])]));
      return { route, params };
    }
  }
  return null;
}

/** Where to send someone who may not see the route, or null when they may. */
function redirectFor(route) {
  if (route.access === 'public') return null;
  if (!session.account) return '#/login';
  if (route.access === 'profile' && !session.profile) return '#/profiles';
  return null;
}

function defaultRoute() {
  if (!session.account) return '#/login';
  return session.profile ? '#/home' : '#/profiles';
}

let cleanup = null;
let generation = 0;

function freshOutlet() {
  const outlet = h('main', { id: 'outlet', tabindex: '-1' });
  document.getElementById('outlet').replaceWith(outlet);
  return outlet;
}

async function route() {
  const run = ++generation;
  const { path, query } = parse(location.hash);
  const found = match(path);
  if (!found) return navigate(defaultRoute());
  const redirect = redirectFor(found.route);
  if (redirect) {
    rememberReturn(location.hash);
    return navigate(redirect);
  }
  try {
    cleanup?.();
  } catch (e) {
    console.warn('cleanup failed', e);
  }
  cleanup = null;
  const { route: current, params } = found;
  updateChrome(current, path);
  document.title = `${current.title} · Reel`;
  const outlet = freshOutlet();
  window.scrollTo(0, 0);
  if (current.access === 'admin' && !session.isAdmin()) return forbidden(outlet);
  loading(outlet);
  try {
    const render = await current.load();
    if (run !== generation) return;
    outlet.replaceChildren();
    const result = await render(outlet, params, query);
    if (run !== generation) {
      if (typeof result === 'function') result();
      return;
    }
    if (typeof result === 'function') cleanup = result;
  } catch (error) {
    if (run !== generation) return;
    console.error(error);
    showError(outlet, error, { retry: () => route() });
  }
  if (run === generation && !outlet.contains(document.activeElement)) focusPage(outlet);
}

function forbidden(outlet) {
  outlet.append(h('section', { id: 'forbidden', class: 'forbidden', role: 'alert' },
    h('h1', { text: 'This page is for administrators' }),
    h('p', { text: 'Your account cannot open it. Ask an administrator if you need access.' }),
    h('a', { class: 'button', href: '#/home', text: 'Back to Home' })));
  focusPage(outlet);
}

/** Moves focus to the new page's heading (or the outlet) so screen readers announce it. */
function focusPage(outlet) {
  const heading = outlet.querySelector('h1');
  const target = heading || outlet;
  if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

function updateChrome(current, path) {
  document.body.dataset.chrome = current.chrome;
  document.body.classList.toggle('signed-in', Boolean(session.account));
  document.body.classList.toggle('admin', session.isAdmin() && !session.profile?.kids);
  const header = document.getElementById('site-header');
  header.hidden = current.chrome === 'none';
  document.getElementById('skip-link').hidden = current.chrome === 'none';
  const profileButton = document.getElementById('nav-profile');
  profileButton.textContent = session.profile ? session.profile.name : 'Profiles';
  profileButton.setAttribute('aria-label', session.profile ? `Switch profile (now ${session.profile.name})` : 'Choose a profile');
  for (const link of header.querySelectorAll('.site-nav a')) {
    const active = path === link.getAttribute('href').slice(1) || path.startsWith(`${link.getAttribute('href').slice(1)}/`);
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function wireHeader() {
  document.getElementById('sign-out').addEventListener('click', () => {
    session.signOut();
    navigate('#/login');
  });
  document.getElementById('nav-profile').addEventListener('click', () => navigate('#/profiles'));
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    focusPage(document.getElementById('outlet'));
  });
  attachSearchBox(document.getElementById('search-form'));
}

wireHeader();
window.addEventListener('hashchange', route);
route();
