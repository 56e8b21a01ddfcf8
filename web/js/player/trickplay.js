/**
 * Trickplay thumbnails: the encoder's `trickplay/thumbnails.vtt` maps time ranges to regions of
 * JPEG sprites (`sprite-0001.jpg#xywh=x,y,w,h`).
 */

const TIMING = /^\s*([\d:.]+)\s+-->\s+([\d:.]+)/;
const XYWH = /#xywh=(\d+),(\d+),(\d+),(\d+)$/;

/**
 * @typedef {object} Thumbnail
 * @property {number} start seconds
 * @property {number} end seconds
 * @property {string} url the sprite, absolute
 * @property {number} x
 * @property {number} y
 * @property {number} w
 * @property {number} h
 */

/**
 * Parses a thumbnails WebVTT file.
 * @param {string} text the WebVTT text
 * @param {string} baseUrl the file's URL, which sprite paths are relative to
 * @returns {Thumbnail[]} in time order
 */
export function parseThumbnails(text, baseUrl) {
  const thumbnails = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const timing = TIMING.exec(lines[i]);
    const target = lines[i + 1]?.trim();
    const region = target && XYWH.exec(target);
    if (!timing || !region) continue;
    const [, x, y, w, h] = region.map(Number);
    thumbnails.push({
      start: vttSeconds(timing[1]),
      end: vttSeconds(timing[2]),
      url: new URL(target.slice(0, region.index), baseUrl).href,
      x, y, w, h,
    });
  }
  return thumbnails;
}

/**
 * The thumbnail showing a moment.
 * @param {Thumbnail[]} thumbnails in time order
 * @param {number} seconds
 * @returns {Thumbnail|null}
 */
export function thumbnailAt(thumbnails, seconds) {
  let low = 0;
  let high = thumbnails.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (seconds < thumbnails[mid].start) high = mid - 1;
    else if (seconds >= thumbnails[mid].end) low = mid + 1;
    else return thumbnails[mid];
  }
  return thumbnails[Math.min(Math.max(high, 0), thumbnails.length - 1)] || null;
}

/**
 * Loads the thumbnails of a title version from an edge; an empty list when there are none.
 * @param {string} baseUrl the edge base URL of the session (ends with `/`)
 * @returns {Promise<Thumbnail[]>}
 */
export async function loadThumbnails(baseUrl) {
  const url = new URL('trickplay/thumbnails.vtt', baseUrl).href;
  try {
    const response = await fetch(url);
    return response.ok ? parseThumbnails(await response.text(), url) : [];
  } catch {
    return [];
  }
}

/**
 * Shows a thumbnail in an element by pointing its background at the sprite region.
 * @param {HTMLElement} element
 * @param {Thumbnail} thumbnail
 */
export function paintThumbnail(element, thumbnail) {
  element.style.setProperty('background-image', `url("${thumbnail.url}")`);
  element.style.setProperty('background-position', `-${thumbnail.x}px -${thumbnail.y}px`);
  element.style.setProperty('width', `${thumbnail.w}px`);
  element.style.setProperty('height', `${thumbnail.h}px`);
}

function vttSeconds(text) {
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}
