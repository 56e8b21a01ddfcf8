/** Number formats of the ops page. */

/**
 * A rate per second, e.g. "12/s", "0.35/s".
 * @param {number} perSecond
 * @returns {string}
 */
export function formatRate(perSecond) {
  if (perSecond === 0) return '0/s';
  return `${perSecond >= 10 ? Math.round(perSecond) : Number(perSecond.toPrecision(2))}/s`;
}

/**
 * A share as a percentage, e.g. "0.4 %".
 * @param {number} share 0..1
 * @returns {string}
 */
export function formatPercent(share) {
  const percent = share * 100;
  if (percent === 0) return '0 %';
  return `${percent >= 10 ? Math.round(percent) : Number(percent.toPrecision(2))} %`;
}

/**
 * A duration in seconds as "45 ms" or "1.2 s".
 * @param {number} seconds
 * @returns {string}
 */
export function formatLatency(seconds) {
  if (seconds === 0) return '0 ms';
  if (seconds < 1) {
    const ms = seconds * 1000;
    return `${ms >= 10 ? Math.round(ms) : Number(ms.toPrecision(2))} ms`;
  }
  return `${Number(seconds.toPrecision(2))} s`;
}

/**
 * Bits per second from bytes per second, e.g. "12 Mbit/s".
 * @param {number} bytesPerSecond
 * @returns {string}
 */
export function formatThroughput(bytesPerSecond) {
  const units = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s'];
  let value = Math.max(0, bytesPerSecond * 8);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
