/**
 * The ops page's tables: instances by zone (#ops-services, with a summary per service), edge
 * appliances (#ops-edges) and circuit breakers (#ops-breakers). Every state is written in words
 * as well as shown in colour.
 */
import { h, formatBytes } from '../ui.js';
import { serviceRates } from './series.js';
import { formatPercent, formatRate, formatThroughput } from './format.js';

const STATUS_WORDS = { healthy: 'Healthy', degraded: 'Degraded', down: 'Down', up: 'Up' };

const headers = (...names) => h('thead', {}, h('tr', {},
  names.map(([name, numeric]) => h('th', { scope: 'col', class: numeric ? 'number' : null, text: name }))));

/** A status word with its colour; `status` is one of healthy, degraded, down, up. */
function badge(status, text = STATUS_WORDS[status] || status) {
  return h('span', { class: 'ops-badge', dataset: { status }, text });
}

/**
 * One chip per service: status, instances up, requests per second and 5xx share.
 * @param {Array<object>} services the overview's services
 * @param {Array<{at: number, overview: object}>} history for the rates
 * @returns {HTMLElement}
 */
export function serviceSummary(services, history) {
  return h('ul', { class: 'ops-chips', 'aria-label': 'Services' }, services.map((service) => {
    const up = service.instances.filter((i) => i.status === 'up').length;
    const rates = serviceRates(history, service.name);
    return h('li', { class: 'ops-chip', tabindex: '0', dataset: { status: service.status } },
      h('span', { class: 'ops-chip-name', text: service.name }),
      badge(service.status),
      h('span', { class: 'ops-chip-detail', text: `${up} of ${service.instances.length} up` }),
      rates ? h('span', { class: 'ops-chip-detail', text: `${formatRate(rates.rate)}${rates.errorRate ? `, ${formatPercent(rates.errorRate)} errors` : ''}` }) : null);
  }));
}

/**
 * Every instance, grouped by zone (one row group per zone, zones in name order).
 * @param {Array<object>} services the overview's services
 * @returns {HTMLTableElement} `table#ops-services`
 */
export function instanceTable(services) {
  const byZone = new Map();
  for (const service of services) {
    for (const instance of service.instances) {
      const zone = instance.zone || 'no zone';
      if (!byZone.has(zone)) byZone.set(zone, []);
      byZone.get(zone).push({ service, instance });
    }
  }
  const zones = [...byZone.keys()].sort();
  return h('table', { id: 'ops-services', class: 'ops-table' },
    h('caption', { class: 'visually-hidden', text: 'Instances by zone' }),
    headers(['Service'], ['Instance'], ['Status'], ['Health'], ['Address'], ['Pid', true], ['Restarts', true]),
    zones.map((zone) => h('tbody', {},
      h('tr', { class: 'ops-zone' }, h('th', { scope: 'rowgroup', colspan: '7', text: zone })),
      byZone.get(zone).map(({ service, instance }) => h('tr', { dataset: { status: instance.status } },
        h('th', { scope: 'row', text: service.name }),
        h('td', { class: 'ops-id', text: instance.id }),
        h('td', {}, badge(instance.status), instance.problem ? h('span', { class: 'ops-problem', text: instance.problem }) : null),
        h('td', { text: instance.health }),
        h('td', { class: 'ops-id', text: `${instance.host}:${instance.port}` }),
        h('td', { class: 'number', text: instance.pid ? String(instance.pid) : '–' }),
        h('td', { class: 'number', text: instance.restarts ?? '–' }))))));
}

/**
 * The Open Connect appliances with their load and byte hit ratio.
 * @param {Array<object>} edges the overview's edges
 * @param {?string} problem why steering could not be asked
 * @returns {HTMLElement} `#ops-edges` (a table, or a message when there is nothing to list)
 */
export function edgeTable(edges, problem) {
  if (edges.length === 0) {
    return h('p', { id: 'ops-edges', class: 'empty', text: problem ? `No appliances: ${problem}.` : 'Steering knows no appliances yet.' });
  }
  return h('table', { id: 'ops-edges', class: 'ops-table' },
    h('caption', { class: 'visually-hidden', text: 'Edge appliances' }),
    headers(['Appliance'], ['Tier'], ['Rotation'], ['Connections', true], ['Throughput', true], ['Disk', true], ['Byte hit ratio', true]),
    h('tbody', {}, edges.map((edge) => h('tr', {},
      h('th', { scope: 'row', text: edge.id }),
      h('td', { text: edge.tier }),
      h('td', {}, badge(edge.inRotation ? 'up' : 'down', edge.inRotation ? 'In rotation' : 'Out of rotation')),
      h('td', { class: 'number', text: String(edge.openConnections) }),
      h('td', { class: 'number', text: formatThroughput(edge.throughputBps) }),
      h('td', { class: 'number', text: `${formatBytes(edge.usedBytes)} of ${formatBytes(edge.capacityBytes)}` }),
      h('td', { class: 'number' },
        h('meter', { min: '0', max: '1', value: String(edge.hitRatioBytes), 'aria-hidden': 'true' }),
        ` ${formatPercent(edge.hitRatioBytes)}`)))));
}

/**
 * Every circuit breaker with its state; open ones first.
 * @param {Array<object>} breakers the overview's breakers
 * @returns {HTMLElement} `#ops-breakers`
 */
export function breakerTable(breakers) {
  if (breakers.length === 0) {
    return h('p', { id: 'ops-breakers', class: 'empty', text: 'No circuit breaker has been used yet.' });
  }
  const rank = { open: 0, forced_open: 0, half_open: 1 };
  const sorted = [...breakers].sort((a, b) => (rank[a.state] ?? 2) - (rank[b.state] ?? 2));
  const status = (state) => (rank[state] === 0 ? 'down' : rank[state] === 1 ? 'degraded' : 'healthy');
  return h('table', { id: 'ops-breakers', class: 'ops-table' },
    h('caption', { class: 'visually-hidden', text: 'Circuit breakers' }),
    headers(['Breaker'], ['Service'], ['Instance'], ['State']),
    h('tbody', {}, sorted.map((breaker) => h('tr', {},
      h('th', { scope: 'row', text: breaker.name }),
      h('td', { text: breaker.service }),
      h('td', { class: 'ops-id', text: breaker.instance }),
      h('td', {}, badge(status(breaker.state), breaker.state.replace('_', ' ')))))));
}
