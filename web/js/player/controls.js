/**
 * The watch page's controls: play/pause, seek bar with trickplay preview, volume and mute, full
 * screen, quality, audio and subtitles, back; and the keyboard as a TV remote (arrows seek and
 * set the volume, space plays and pauses, f full screen, m mute, Escape goes back).
 */
import { h, formatDuration } from '../ui.js';
import { paintThumbnail, thumbnailAt } from './trickplay.js';

const SEEK_STEP = 10;
const VOLUME_STEP = 0.1;
const IDLE_MS = 3000;

/** 24x24 icon paths (no icon font or emoji: they are missing on many TVs and servers). */
const ICONS = {
  play: 'M8 5v14l11-7z',
  pause: 'M6 5h4v14H6zm8 0h4v14h-4z',
  volume: 'M4 9v6h4l5 5V4L8 9zm12.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z',
  muted: 'M4 9v6h4l5 5V4L8 9zm12.6 3 2.7-2.7-1.4-1.4-2.7 2.7-2.7-2.7-1.4 1.4 2.7 2.7-2.7 2.7 1.4 1.4 2.7-2.7 2.7 2.7 1.4-1.4z',
  enterFullscreen: 'M5 5h5v2H7v3H5zm9 0h5v5h-2V7h-3zM5 14h2v3h3v2H5zm12 0h2v5h-5v-2h3z',
  exitFullscreen: 'M8 5h2v5H5V8h3zm6 0h2v3h3v2h-5zM5 14h5v5H8v-3H5zm9 0h5v2h-3v3h-2z',
  back: 'M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20z',
};

/**
 * Builds the player's DOM around a video element and wires the controls.
 * @param {object} options
 * @param {string} options.backLabel where the back button goes, in words
 * @param {function(): void} options.onBack
 * @param {function(number|null): void} options.onQuality level index, null for automatic
 * @param {function(number): void} options.onAudio audio track index
 * @param {function(number): void} options.onSubtitles subtitle track index, -1 for off
 */
export class Controls {
  constructor({ backLabel, onBack, onQuality, onAudio, onSubtitles }) {
    this.video = h('video', { id: 'player-video', class: 'player-video', playsinline: true, preload: 'auto' });
    this.title = h('h1', { id: 'player-title', class: 'player-title', text: '' });
    this.status = h('div', { class: 'player-status', role: 'status' },
      h('span', { class: 'player-spinner', 'aria-hidden': 'true' }), h('span', { text: 'Loading…' }));
    this.back = h('button', {
      type: 'button', id: 'player-back', class: 'player-button player-back', 'aria-label': backLabel,
      on: { click: onBack },
    }, icon(ICONS.back), h('span', { class: 'player-back-text', text: 'Back' }));
    this.play = button('player-play', 'Play', () => this.togglePlay());
    this.mute = button('player-mute', 'Mute', () => this.toggleMute());
    this.fullscreen = button('player-fullscreen', 'Full screen', () => this.toggleFullscreen());
    this.volume = h('input', {
      type: 'range', id: 'player-volume', class: 'player-volume', min: '0', max: '1', step: '0.05', value: '1',
      on: { input: () => this.setVolume(Number(this.volume.value)) },
    });
    this.seek = h('input', {
      type: 'range', id: 'player-seek', class: 'player-seek', min: '0', max: '0', step: '0.1', value: '0',
      on: {
        input: () => this.preview(Number(this.seek.value)),
        change: () => this.seekTo(Number(this.seek.value)),
        pointermove: (event) => this.preview(this.pointerTime(event)),
        pointerleave: () => this.hidePreview(),
        blur: () => this.hidePreview(),
      },
    });
    this.time = h('span', { class: 'player-time', id: 'player-time', text: '0:00 / 0:00' });
    this.thumb = h('div', { class: 'player-thumb', hidden: true, 'aria-hidden': 'true' },
      h('div', { class: 'player-thumb-image' }), h('span', { class: 'player-thumb-time' }));
    this.quality = select('player-quality', [['auto', 'Auto']],
      () => onQuality(this.quality.value === 'auto' ? null : Number(this.quality.value)));
    this.audio = select('player-audio', [], () => onAudio(Number(this.audio.value)));
    this.subtitles = select('player-subtitles', [['-1', 'Off']], () => onSubtitles(Number(this.subtitles.value)));
    this.thumbnails = [];
    this.onBack = onBack;

    this.element = h('section', { id: 'player', class: 'player', 'aria-label': 'Video player' },
      this.video,
      this.status,
      h('div', { class: 'player-top' }, this.back, this.title),
      h('div', { class: 'player-controls' },
        h('div', { class: 'player-seek-row' },
          h('label', { for: 'player-seek', class: 'visually-hidden', text: 'Seek' }),
          this.seek, this.thumb, this.time),
        h('div', { class: 'player-buttons' },
          this.play, this.mute,
          h('label', { for: 'player-volume', class: 'visually-hidden', text: 'Volume' }), this.volume,
          h('span', { class: 'player-spacer' }),
          labelled('player-quality', 'Quality', this.quality),
          labelled('player-audio', 'Audio', this.audio),
          labelled('player-subtitles', 'Subtitles', this.subtitles),
          this.fullscreen)));
    this.listen();
  }

  listen() {
    const video = this.video;
    const update = () => this.update();
    this.videoEvents = { play: update, pause: update, volumechange: update, timeupdate: update, durationchange: update,
      waiting: () => this.busy(true), playing: () => this.busy(false), canplay: () => this.busy(false),
      seeked: () => this.busy(false), click: () => this.togglePlay() };
    for (const [event, listener] of Object.entries(this.videoEvents)) video.addEventListener(event, listener);
    this.onKey = (event) => this.key(event);
    this.onActivity = () => this.wake();
    this.onFullscreen = () => this.update();
    document.addEventListener('keydown', this.onKey);
    document.addEventListener('fullscreenchange', this.onFullscreen);
    this.element.addEventListener('pointermove', this.onActivity);
    this.element.addEventListener('focusin', this.onActivity);
    this.wake();
    this.update();
  }

  /** Fills the quality choice: Auto, then every rung, highest first. */
  setLevels(levels) {
    const options = levels.map((level, index) => [String(index), levelLabel(level)]).reverse();
    this.quality.replaceChildren(...[['auto', 'Auto'], ...options].map(option));
    this.quality.disabled = levels.length < 2;
  }

  /** Shows the rung playing next to "Auto" while the choice is automatic. */
  showLevel(level) {
    const auto = this.quality.options[0];
    if (auto) auto.textContent = level ? `Auto (${level.height}p)` : 'Auto';
  }

  /** @param {{name: string, lang?: string}[]} tracks @param {number} current */
  setAudioTracks(tracks, current) {
    this.audio.replaceChildren(...tracks.map((track, index) => option([String(index), trackLabel(track)])));
    this.audio.value = String(Math.max(current, 0));
    this.audio.disabled = tracks.length < 2;
  }

  /** @param {{name: string, lang?: string}[]} tracks @param {number} current -1 for off */
  setSubtitleTracks(tracks, current) {
    const options = [['-1', 'Off'], ...tracks.map((track, index) => [String(index), trackLabel(track)])];
    this.subtitles.replaceChildren(...options.map(option));
    this.subtitles.value = String(current);
    this.subtitles.disabled = tracks.length === 0;
  }

  /** @param {import('./trickplay.js').Thumbnail[]} thumbnails */
  setThumbnails(thumbnails) {
    this.thumbnails = thumbnails;
  }

  update() {
    const { video } = this;
    const duration = Number.isFinite(video.duration) ? video.duration : 0;
    const playing = !video.paused && !video.ended;
    const silent = video.muted || video.volume === 0;
    setButton(this.play, playing ? 'Pause' : 'Play', playing ? ICONS.pause : ICONS.play);
    setButton(this.mute, silent ? 'Unmute' : 'Mute', silent ? ICONS.muted : ICONS.volume);
    setButton(this.fullscreen, document.fullscreenElement ? 'Exit full screen' : 'Full screen',
      document.fullscreenElement ? ICONS.exitFullscreen : ICONS.enterFullscreen);
    this.volume.value = String(video.muted ? 0 : video.volume);
    this.seek.max = String(duration);
    const dragging = document.activeElement === this.seek && !this.thumb.hidden;
    if (!dragging) this.seek.value = String(video.currentTime);
    const text = `${formatDuration(video.currentTime)} / ${formatDuration(duration)}`;
    this.time.textContent = text;
    this.seek.setAttribute('aria-valuetext', `${formatDuration(video.currentTime)} of ${formatDuration(duration)}`);
    this.element.classList.toggle('paused', !playing);
  }

  busy(on) {
    this.status.hidden = !on;
  }

  togglePlay() {
    if (this.video.paused || this.video.ended) this.video.play().catch(() => {});
    else this.video.pause();
  }

  toggleMute() {
    this.video.muted = !this.video.muted;
    if (!this.video.muted && this.video.volume === 0) this.video.volume = 0.5;
  }

  setVolume(volume) {
    this.video.volume = Math.min(1, Math.max(0, volume));
    this.video.muted = this.video.volume === 0;
  }

  toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    else this.element.requestFullscreen?.().catch(() => {});
  }

  seekTo(seconds) {
    const duration = Number.isFinite(this.video.duration) ? this.video.duration : 0;
    this.video.currentTime = Math.min(Math.max(0, seconds), Math.max(0, duration - 0.1));
    this.hidePreview();
    this.update();
  }

  pointerTime(event) {
    const box = this.seek.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    return fraction * (Number(this.seek.max) || 0);
  }

  /** Shows the trickplay thumbnail (and the time) above the seek bar for a moment. */
  preview(seconds) {
    const max = Number(this.seek.max) || 0;
    if (!max) return;
    const [image, time] = this.thumb.children;
    const thumbnail = thumbnailAt(this.thumbnails, seconds);
    image.hidden = !thumbnail;
    if (thumbnail) paintThumbnail(image, thumbnail);
    time.textContent = formatDuration(seconds);
    this.thumb.style.setProperty('--at', String(seconds / max));
    this.thumb.hidden = false;
  }

  hidePreview() {
    this.thumb.hidden = true;
  }

  /** Shows the controls and hides them again after a while without activity (while playing). */
  wake() {
    this.element.classList.remove('idle');
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (!this.video.paused && !this.element.querySelector('select:focus')) this.element.classList.add('idle');
    }, IDLE_MS);
  }

  key(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    const inSelect = target instanceof HTMLSelectElement;
    const onButton = target instanceof HTMLButtonElement;
    const action = {
      ArrowLeft: !inSelect && (() => this.seekTo(this.video.currentTime - SEEK_STEP)),
      ArrowRight: !inSelect && (() => this.seekTo(this.video.currentTime + SEEK_STEP)),
      ArrowUp: !inSelect && (() => this.setVolume(this.video.volume + VOLUME_STEP)),
      ArrowDown: !inSelect && (() => this.setVolume(this.video.volume - VOLUME_STEP)),
      ' ': !inSelect && !onButton && (() => this.togglePlay()),
      f: !inSelect && (() => this.toggleFullscreen()),
      m: !inSelect && (() => this.toggleMute()),
      Escape: () => this.onBack(),
    }[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (!action) return;
    event.preventDefault();
    action();
    this.wake();
  }

  /** Removes the document listeners and timers. */
  destroy() {
    document.removeEventListener('keydown', this.onKey);
    document.removeEventListener('fullscreenchange', this.onFullscreen);
    for (const [event, listener] of Object.entries(this.videoEvents)) this.video.removeEventListener(event, listener);
    clearTimeout(this.idleTimer);
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  }
}

function button(id, label, onClick) {
  return h('button', { type: 'button', id, class: 'player-button', 'aria-label': label, on: { click: onClick } },
    icon(''));
}

function icon(path) {
  return h('svg:svg', { class: 'player-icon', viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' },
    h('svg:path', { d: path, fill: 'currentColor' }));
}

function setButton(element, label, path) {
  element.setAttribute('aria-label', label);
  element.title = label;
  element.querySelector('path').setAttribute('d', path);
}

function select(id, options, onChange) {
  return h('select', { id, class: 'player-select', on: { change: onChange } }, options.map(option));
}

function option([value, text]) {
  return h('option', { value, text });
}

function labelled(id, text, control) {
  return h('span', { class: 'player-field' }, h('label', { for: id, text }), control);
}

function levelLabel(level) {
  const height = level.height ? `${level.height}p` : 'Audio';
  const rate = level.bitrate < 1e6 ? `${Math.round(level.bitrate / 1000)} kb/s` : `${(level.bitrate / 1e6).toFixed(1)} Mb/s`;
  return `${height} · ${rate}`;
}

function trackLabel(track) {
  return track.name || track.lang || 'Unnamed';
}
