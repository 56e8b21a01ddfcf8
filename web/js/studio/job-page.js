/**
 * `#/studio/jobs/:id`: one encoding job, live while it works, and once analysed its ladder chart
 * (per-title against fixed) with the rung tables.
 */
import { formatBytes, formatDuration, h, loading, showError } from '../ui.js';
import {
  etaText, formatTime, isFinished, problemText, seconds, stageText, stateLabel, studioApi,
} from './common.js';
import { ladderChart, rungTable, trialTable } from './ladder-chart.js';
import { followJob } from './sse.js';

function definitions(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([term, value]) => [h('dt', { text: term }), h('dd', {}, value)]));
}

function sourceFacts(info) {
  if (!info) return null;
  const video = info.video;
  const duration = seconds(info.duration);
  return definitions([
    ['Container', info.formatName],
    ['Duration', duration !== null ? formatDuration(duration) : null],
    ['Size', formatBytes(info.sizeBytes)],
    ['Video', video ? `${video.codec} ${video.width}×${video.height} at ${Number(video.frameRate).toFixed(2)} fps` : 'none'],
    ['Audio tracks', String(info.audioTracks?.length ?? 0)],
    ['Subtitle tracks', String(info.subtitleTracks?.length ?? 0)],
  ]);
}

function resultFacts(result) {
  if (!result) return null;
  const duration = result.durationMillis != null ? formatDuration(result.durationMillis / 1000) : null;
  return definitions([
    ['Origin version', result.originVersion],
    ['Duration', duration],
    ['Renditions', Array.isArray(result.renditions) ? String(result.renditions.length) : null],
    ['Codecs', Array.isArray(result.codecs) ? result.codecs.join(', ') : null],
  ]);
}

/**
 * Renders the job page.
 * @param {HTMLElement} outlet
 * @param {string} jobId
 * @returns {Promise<function(): void>} cleanup: stops the event stream
 */
export async function renderJobPage(outlet, jobId) {
  const controller = new AbortController();
  const heading = h('h1', { text: 'Encoding job' });
  const body = h('div', { class: 'job-body' });
  outlet.replaceChildren(h('div', { class: 'studio' },
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/studio', text: '← Studio' })), heading, body));
  loading(body, 'Loading the job…');

  let job;
  try {
    job = await studioApi(`/api/v1/studio/jobs/${encodeURIComponent(jobId)}`, { signal: controller.signal });
  } catch (error) {
    showError(body, error, { retry: () => renderJobPage(outlet, jobId) });
    return () => controller.abort();
  }
  let titleName = 'Title';
  try {
    titleName = (await studioApi(`/api/v1/titles/${job.titleId}`, { signal: controller.signal })).name;
  } catch {
    // the job still shows; the title link says "Title"
  }
  heading.replaceChildren('Encoding job: ', h('a', { href: `#/studio/titles/${job.titleId}`, text: titleName }));

  // Built once and updated in place, so live updates never take the keyboard focus away.
  const bar = h('progress', { id: 'job-progress', max: '100', value: '0', 'aria-label': 'Job progress' });
  const stage = h('p', { class: 'job-stage' });
  const barBox = h('div', { class: 'job-progress' }, bar, stage);
  const facts = h('div');
  const retryButton = h('button', { type: 'button', class: 'button', id: 'job-retry', text: 'Retry from the failed stage',
    hidden: true, on: { click: retry } });
  const progress = h('section', { class: 'panel', 'aria-labelledby': 'job-progress-heading' },
    h('h2', { id: 'job-progress-heading', text: 'Progress' }), barBox, facts, retryButton);
  const ladderSection = h('section', { class: 'panel', 'aria-labelledby': 'job-ladder-heading' });
  const details = h('section', { class: 'panel', 'aria-labelledby': 'job-details-heading' });
  const live = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  body.replaceChildren(progress, ladderSection, details, live);
  let ladderShown = false;

  function paint(current) {
    job = current;
    barBox.dataset.state = job.state;
    bar.value = job.percent;
    stage.textContent = `${stageText(job)} · ${job.percent}%` + (isFinished(job.state) ? '' : ` · ${etaText(job)} left`);
    retryButton.hidden = job.state !== 'FAILED';
    facts.replaceChildren(definitions([
      ['Ladder', job.ladderMode === 'FIXED' ? 'Fixed' : 'Per-title'],
      ['Profile', job.profile === 'FAST' ? 'Fast' : 'Standard'],
      ['State', stateLabel(job.state)],
      ['Attempt', String(job.attempt)],
      ['Tasks', job.tasks ? `${job.tasks.done} done, ${job.tasks.running} running, ${job.tasks.failed} failed of ${job.tasks.total}` : null],
      ['CPU time', job.tasks?.cpuSeconds ? `${Math.round(job.tasks.cpuSeconds)} s` : null],
      ['Created', formatTime(job.createdAt)],
      ['Finished', job.finishedAt ? formatTime(job.finishedAt) : null],
    ]));
    if (job.ladder && !ladderShown) {
      ladderShown = true;
      ladderSection.replaceChildren(...[h('h2', { id: 'job-ladder-heading', text: 'Ladder' }),
        ladderChart(job.ladder, job.fixedLadder),
        rungTable(job.ladder, job.ladder.kind === 'FIXED' ? 'Fixed ladder rungs (encoded)' : 'Chosen per-title rungs', 'job-rungs'),
        job.ladder.kind !== 'FIXED' && job.fixedLadder ? rungTable(job.fixedLadder, 'Fixed ladder, for comparison') : null,
        trialTable(job.ladder.points)].filter(Boolean));
    } else if (!job.ladder) {
      ladderSection.replaceChildren(h('h2', { id: 'job-ladder-heading', text: 'Ladder' }),
        h('p', { text: 'The ladder is chosen while the master is analysed; the chart appears then.' }));
    }
    details.replaceChildren(h('h2', { id: 'job-details-heading', text: 'Source and result' }),
      h('h3', { text: 'Source' }), sourceFacts(job.mediaInfo) || h('p', { text: 'Not analysed yet.' }),
      h('h3', { text: 'Published' }), resultFacts(job.result) || h('p', { text: job.state === 'DONE' ? '–' : 'Not published yet.' }));
  }

  async function retry() {
    try {
      paint(await studioApi(`/api/v1/studio/jobs/${job.id}/retry`, { method: 'POST' }));
      follow();
    } catch (error) {
      live.textContent = `Could not retry: ${problemText(error)}`;
    }
  }

  function follow() {
    if (isFinished(job.state)) return;
    followJob(job.id, {
      signal: controller.signal,
      onJob: (update) => {
        paint(update);
        live.textContent = '';
      },
      onReconnect: (why) => { live.textContent = why; },
    }).catch((error) => { live.textContent = problemText(error); });
  }

  paint(job);
  follow();
  return () => controller.abort();
}
