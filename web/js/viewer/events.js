/**
 * Best-effort engagement events for POST /api/v1/events (RowImpression, TitleClicked). Events
 * are batched for a moment and sent with keepalive; failures are ignored.
 */
import { api, session } from '../api.js';

const FLUSH_MS = 1000;
const MAX_BATCH = 50;
let queue = [];
let timer = 0;

function enqueue(event) {
  if (!session.profile) return;
  queue.push({ eventId: crypto.randomUUID(), occurredAt: new Date().toISOString(), ...event });
  if (queue.length >= MAX_BATCH) flush();
  else timer ||= setTimeout(flush, FLUSH_MS);
}

/** Sends what is queued now (also called when the page is hidden). */
export function flush() {
  clearTimeout(timer);
  timer = 0;
  if (!queue.length) return;
  const events = queue.splice(0, MAX_BATCH);
  api('/api/v1/events', { method: 'POST', body: { events }, keepalive: true, retry: false }).catch(() => {});
  if (queue.length) flush();
}

/**
 * Reports that a home row was shown.
 * @param {{id: string, kind: string, items: object[]}} row the HomeRow
 * @param {number} rowPosition the row's position on the page, from 0
 * @param {string} homeRequestId the HomePage's requestId
 */
export function rowImpression(row, rowPosition, homeRequestId) {
  const items = row.items.slice(0, 100).map((item, position) => ({
    titleId: item.titleId, position, artworkUrl: item.artworkUrl || null,
  }));
  if (!items.length) return;
  enqueue({ type: 'RowImpression', rowId: row.id, rowKind: row.kind, rowPosition, items, homeRequestId });
}

/**
 * Reports a click on a title card.
 * @param {{titleId: string, rowId?: string, rowPosition?: number, position?: number,
 *     artworkUrl?: string, homeRequestId?: string}} click
 */
export function titleClicked(click) {
  enqueue({ type: 'TitleClicked', ...click });
  flush();
}

addEventListener('pagehide', flush);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flush();
});
