/**
 * Reel API client and session. Every page talks to the platform through {@link api}; the
 * session (account, tokens, selected profile) lives in localStorage so a reload keeps it.
 */

const STORE_KEY = 'reel.session';
const REFRESH_MARGIN_MS = 60_000;
const HEADERS_TIMEOUT_MS = 20_000;
const MAX_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 250;
const BACKOFF_MAX_MS = 4_000;

/**
 * An API call that answered with a non-2xx status; `problem` is the RFC 9457 body (or `{title}`),
 * plus `retryAfter` (seconds) when the answer carried a Retry-After header.
 */
export class ApiError extends Error {
  /**
   * @param {number} status HTTP status (0 for a network failure)
   * @param {{title?: string, detail?: string}} problem the problem body
   */
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

let state = load();
let refreshing = null;

/**
 * Retries may add at most a tenth of this page's requests, plus one a second, so an overloaded
 * platform is not hit again by every page at once (no retry storm).
 */
const retryBudget = {
  balance: 0,
  reserve: 1,
  reserveAt: 0,
  onRequest() {
    this.balance = Math.min(10, this.balance + 0.1);
  },
  tryRetry() {
    const now = Date.now();
    if (now - this.reserveAt >= 1000) {
      this.reserve = 1;
      this.reserveAt = now;
    }
    if (this.reserve >= 1) {
      this.reserve -= 1;
      return true;
    }
    if (this.balance >= 1) {
      this.balance -= 1;
      return true;
    }
    return false;
  },
};

/**
 * Whether an answer may be retried: a request the platform shed (503 with Reel-Shed) was never
 * processed, so any method may be retried; another 503 or a 429 only for reads.
 */
function retryable(response, method) {
  if (response.status === 503 && response.headers.has('Reel-Shed')) return true;
  return (response.status === 503 || response.status === 429) && (method === 'GET' || method === 'HEAD');
}

/** The wait before retry `attempt`: Retry-After when given, else jittered exponential backoff. */
function backoffMs(response, attempt) {
  const retryAfter = Number.parseInt(response.headers.get('Retry-After'), 10);
  if (retryAfter >= 0) return Math.min(retryAfter * 1000, BACKOFF_MAX_MS);
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  return ceiling / 2 + Math.random() * ceiling / 2;
}
showProfileLook();

function load() {
  try {
    return JSON.parse(localStorage.getItem(STORE_KEY)) || {};
  } catch {
    return {};
  }
}

function save() {
  localStorage.setItem(STORE_KEY, JSON.stringify(state));
  showProfileLook();
}

/** `body.kids` while a kids profile is selected: the brighter kids look. */
function showProfileLook() {
  document.body?.classList.toggle('kids', Boolean(state.profile?.kids));
}

/** The signed-in account, its tokens and the selected profile. */
export const session = {
  /** @returns {{id: string, email: string, displayName: string, roles: string[]} | null} */
  get account() {
    return state.account || null;
  },
  /** @returns {{id: string, name: string, kids: boolean, maturityCeiling: string} | null} */
  get profile() {
    return state.profile || null;
  },
  /** @returns {boolean} whether the account has the admin role */
  isAdmin() {
    return Boolean(state.account?.roles?.includes('admin'));
  },
  /** Selects the profile later requests act for (null clears it). */
  setProfile(profile) {
    state.profile = profile || null;
    save();
  },
  /** Forgets the account, tokens and profile (the refresh token is revoked best effort). */
  signOut() {
    const { accessToken, refreshToken } = state;
    if (accessToken && refreshToken) {
      fetch('/api/v1/auth/logout', {
        method: 'POST',
        keepalive: true,
        headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      }).catch(() => {});
    }
    state = {};
    save();
  },
  /** @returns {string | null} the current access token */
  accessToken() {
    return state.accessToken || null;
  },
};

function storeTokens(tokens) {
  state.accessToken = tokens.accessToken;
  state.refreshToken = tokens.refreshToken;
  state.expiresAt = Date.now() + tokens.expiresIn * 1000;
  if (state.account?.id !== tokens.account.id) state.profile = null;
  state.account = tokens.account;
  save();
}

async function problemOf(response) {
  const fallback = { title: response.statusText || `HTTP ${response.status}`, status: response.status };
  const retryAfter = Number.parseInt(response.headers.get('Retry-After'), 10);
  if (retryAfter > 0) fallback.retryAfter = retryAfter;
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) return fallback;
  try {
    return { ...fallback, ...(await response.json()) };
  } catch {
    return fallback;
  }
}

/**
 * Fetches, giving up when no response headers arrived within HEADERS_TIMEOUT_MS (binary uploads
 * excepted: their headers come only after the whole body was sent). A streamed body is not limited.
 */
async function send(path, init) {
  const timeout = new AbortController();
  const timer = isBinary(init.body) ? 0 : setTimeout(() => timeout.abort(), HEADERS_TIMEOUT_MS);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
  try {
    return await fetch(path, { ...init, signal });
  } catch (e) {
    if (timeout.signal.aborted && !init.signal?.aborted) {
      throw new ApiError(0, { title: 'Reel is taking too long to answer', detail: 'Try again in a moment.' });
    }
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'Reel cannot be reached', detail: 'Check your connection and try again.' });
  } finally {
    clearTimeout(timer);
  }
}

/** Exchanges the refresh token for new tokens; concurrent callers share one request. */
function refresh() {
  if (!state.refreshToken) return Promise.resolve(false);
  refreshing ??= (async () => {
    try {
      storeTokens(await postAnonymous('/api/v1/auth/refresh', { refreshToken: state.refreshToken }));
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/**
 * Returns a token valid for at least another minute, refreshing it first when needed.
 * @returns {Promise<string | null>} the access token, or null when signed out
 */
export async function ensureFreshToken() {
  if (state.accessToken && (state.expiresAt || 0) - Date.now() < REFRESH_MARGIN_MS) await refresh();
  return session.accessToken();
}

function isBinary(body) {
  return body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body)
    || body instanceof FormData || body instanceof URLSearchParams;
}

function buildInit({ method, body, headers, withProfile, signal, keepalive, anonymous }) {
  const all = new Headers(headers);
  if (!all.has('Accept')) all.set('Accept', 'application/json, application/problem+json');
  if (state.accessToken && !anonymous) all.set('Authorization', `Bearer ${state.accessToken}`);
  if (withProfile && state.profile && !anonymous) all.set('X-Profile-Id', state.profile.id);
  let payload = body;
  if (body !== undefined && body !== null && !isBinary(body) && typeof body !== 'string') {
    all.set('Content-Type', 'application/json');
    payload = JSON.stringify(body);
  }
  return { method, headers: all, body: payload, signal, keepalive };
}

/**
 * Calls the Reel API at the same origin.
 * Adds the bearer token and X-Profile-Id; a 401 triggers one refresh and a retry, and a second
 * 401 signs out and goes to the login page.
 * @param {string} path e.g. '/api/v1/home'
 * @param {object} [options]
 * @param {string} [options.method='GET']
 * @param {*} [options.body] an object (sent as JSON), a string, or a Blob/ArrayBuffer sent as is
 * @param {HeadersInit} [options.headers]
 * @param {boolean} [options.withProfile=true] send X-Profile-Id when a profile is selected
 * @param {AbortSignal} [options.signal]
 * @param {boolean} [options.keepalive=false]
 * @param {boolean} [options.raw=false] return the Response instead of the parsed body
 * @param {boolean} [options.retry=true] retry shed or rate-limited answers with backoff, within
 *   the page's retry budget (best-effort calls pass false: dropping them is the point of shedding)
 * @returns {Promise<*>} the JSON body (null for an empty body) or the Response when raw
 * @throws {ApiError} on a non-2xx answer or a network failure
 */
export async function api(path, { method = 'GET', body, headers, withProfile = true,
  signal, keepalive = false, raw = false, retry = true } = {}) {
  const options = { method, body, headers, withProfile, signal, keepalive };
  if (state.accessToken) await ensureFreshToken();
  retryBudget.onRequest();
  let response = await send(path, buildInit(options));
  for (let attempt = 1; retry && attempt < MAX_ATTEMPTS && retryable(response, method)
      && retryBudget.tryRetry(); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, backoffMs(response, attempt)));
    response = await send(path, buildInit(options));
  }
  if (response.status === 401 && state.refreshToken && await refresh()) {
    response = await send(path, buildInit(options));
  }
  if (response.status === 401 && state.account) {
    session.signOut();
    location.hash = '#/login';
  }
  return read(response, raw);
}

/** Checks the status and parses the body. */
async function read(response, raw) {
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (raw) return response;
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** POSTs JSON without the session's token or profile (sign-up, login). */
async function postAnonymous(path, body) {
  return read(await send(path, buildInit({ method: 'POST', body, anonymous: true })), false);
}

/**
 * Logs in and stores the account and tokens.
 * @returns {Promise<object>} the account
 * @throws {ApiError} 401 for wrong credentials, 429 when rate limited
 */
export async function login(email, password) {
  const tokens = await postAnonymous('/api/v1/auth/login', { email, password });
  storeTokens(tokens);
  return tokens.account;
}

/**
 * Creates an account, then logs in with it.
 * @returns {Promise<object>} the account
 * @throws {ApiError} 409 when the email is taken, 400 for invalid fields
 */
export async function signup({ email, password, displayName }) {
  await postAnonymous('/api/v1/accounts', { email, password, displayName: displayName || null });
  return login(email, password);
}
