package dev.reel.encoder.job.internal;

import dev.reel.encoder.EncoderProperties;
import dev.reel.encoder.chunk.Chunk;
import dev.reel.encoder.job.JobRequest;
import dev.reel.encoder.job.JobState;
import dev.reel.encoder.job.Jobs;
import dev.reel.encoder.ladder.Ladder;
import dev.reel.encoder.probe.MediaInfo;
import dev.reel.events.Topics;
import dev.reel.events.encoding.EncodingCompleted;
import dev.reel.events.encoding.EncodingFailed;
import dev.reel.events.encoding.EncodingProgressed;
import dev.reel.kit.events.Outbox;
import dev.reel.kit.web.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional side of the job engine: creating jobs, recording task outcomes, advancing stages, progress and
 * events. Every method is one short transaction that locks the job row first ({@code FOR UPDATE}), so two workers
 * finishing a stage's last tasks at once cannot both advance it, and every job change commits together with its
 * outbox event.
 */
@Service
class JobEngine implements Jobs {

    private static final Logger log = LoggerFactory.getLogger(JobEngine.class);
    private static final int MAX_REASON = 2000;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    /** What recording a completed task did. */
    enum Completion {
        /** The claim had been lost: the result was discarded. */
        STALE,
        /** Recorded; the job goes on. */
        RECORDED,
        /** Recorded, and it was the job's last task: the job is done. */
        FINISHED
    }

    private final JobRepository jobs;
    private final TaskQueue queue;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final EncoderProperties.Jobs settings;

    JobEngine(
            JobRepository jobs,
            TaskQueue queue,
            Outbox outbox,
            TransactionTemplate transactions,
            JsonMapper json,
            EncoderProperties properties) {
        this.jobs = jobs;
        this.queue = queue;
        this.outbox = outbox;
        this.transactions = transactions;
        this.json = json;
        this.settings = properties.jobs();
    }

    /** Joins the caller's transaction (or starts one): the job, its first task and its queued event commit with it. */
    @Override
    public UUID submit(JobRequest request) {
        Objects.requireNonNull(request, "request");
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            jobs.insert(id, request);
            queue.insert(id, StagePlanner.analysing());
            outbox.append(
                    Topics.ENCODING_JOBS,
                    EncodingProgressed.of(id, request.titleId(), JobState.QUEUED.name(), 0, null));
        });
        log.info("job {} queued for title {} ({}, {})", id, request.titleId(), request.ladder(), request.profile());
        return id;
    }

    JobRow job(UUID id) {
        return jobs.find(id).orElseThrow(() -> new IllegalStateException("no job " + id));
    }

    /** A worker claimed a job's first task: QUEUED → ANALYSING, announced. */
    void started(ClaimedTask task) {
        transactions.executeWithoutResult(status -> {
            JobRow job = jobs.lock(task.jobId()).orElse(null);
            if (job != null && job.state() == JobState.QUEUED && jobs.markStarted(job.id())) {
                outbox.append(
                        Topics.ENCODING_JOBS,
                        EncodingProgressed.of(job.id(), job.titleId(), JobState.ANALYSING.name(), 0, null));
            }
        });
    }

    /**
     * Records a task's result if the claim still holds it. When it was the last unfinished task of the job's current
     * stage, the next stage's tasks are created and the job moves on (or, after publishing, is done) in the same
     * transaction.
     */
    Completion complete(ClaimedTask task, TaskResult result) {
        Completion completion = transactions.execute(status -> {
            JobRow job = jobs.lock(task.jobId()).orElse(null);
            if (job == null || !queue.complete(task, result.outputJson(), result.cpuMillis())) {
                return Completion.STALE;
            }
            if (job.state() != task.kind().stage()) {
                return Completion.RECORDED;
            }
            TaskResult.Analysis analysis = result.analysis();
            if (analysis != null) {
                jobs.storeAnalysis(
                        job.id(),
                        analysis.mediaInfo(),
                        analysis.ladder(),
                        analysis.fixedLadder(),
                        analysis.chunkPlan());
            }
            TaskQueue.StageProgress progress = queue.stageProgress(job.id(), job.state());
            if (progress.unfinished() > 0) {
                updateProgress(job, progress.fraction());
                return Completion.RECORDED;
            }
            JobState next = StagePlanner.next(job.state());
            if (next == null) {
                finish(job);
                return Completion.FINISHED;
            }
            enter(jobs.lock(job.id()).orElseThrow(), next);
            return Completion.RECORDED;
        });
        return completion == null ? Completion.STALE : completion;
    }

    /**
     * Records a failed attempt if the claim still holds the task: retried after a back-off while attempts remain and
     * the failure is not permanent, else the task and the job fail with the reason, announced with {@link
     * EncodingFailed}.
     */
    void failed(ClaimedTask task, Throwable failure, boolean permanent) {
        String reason = truncate(task.describe() + ": " + message(failure));
        transactions.executeWithoutResult(status -> {
            JobRow job = jobs.lock(task.jobId()).orElse(null);
            if (job == null) {
                return;
            }
            if (!permanent && task.attempt() < settings.maxAttempts()) {
                if (queue.retryLater(task, backoff(task.attempt()), reason)) {
                    log.warn(
                            "job {}: {} failed (attempt {}), will retry: {}",
                            job.id(),
                            task.describe(),
                            task.attempt(),
                            reason);
                }
                return;
            }
            if (!queue.fail(task, reason) || job.state().finished()) {
                return;
            }
            String jobReason =
                    permanent ? message(failure) : reason + " (gave up after " + task.attempt() + " attempts)";
            jobReason = truncate(jobReason);
            jobs.fail(job.id(), task.kind().stage(), jobReason);
            outbox.append(
                    Topics.ENCODING_JOBS,
                    EncodingFailed.of(
                            job.id(), job.titleId(), task.kind().stage().name(), jobReason));
            log.warn("job {} failed in {}: {}", job.id(), task.kind().stage(), jobReason);
        });
    }

    /**
     * FAILED → the failed stage: its failed tasks are queued again with fresh attempts.
     *
     * @throws ProblemException 404 for an unknown job, 409 when it is not failed
     */
    void retry(UUID id) {
        transactions.executeWithoutResult(status -> {
            JobRow job = jobs.lock(id).orElseThrow(() -> ProblemException.notFound("No job " + id));
            if (job.state() != JobState.FAILED) {
                throw ProblemException.conflict(
                        "Job " + id + " is " + job.state() + "; only a failed job can be retried");
            }
            JobState stage = job.failedStage() == null ? JobState.ANALYSING : job.failedStage();
            int requeued = queue.requeueFailed(id);
            jobs.resume(id, stage);
            outbox.append(
                    Topics.ENCODING_JOBS, EncodingProgressed.of(id, job.titleId(), stage.name(), job.percent(), null));
            log.info("job {} retried from {} ({} tasks queued again)", id, stage, requeued);
        });
    }

    // --- stages ---------------------------------------------------------------------------------------------------

    private void enter(JobRow job, JobState stage) {
        List<TaskSpec> tasks =
                switch (stage) {
                    case ENCODING -> encodingTasks(job);
                    case PACKAGING -> StagePlanner.packaging();
                    case PUBLISHING -> StagePlanner.publishing();
                    default -> throw new IllegalStateException("cannot enter " + stage + " from " + job.state());
                };
        queue.insert(job.id(), tasks);
        int percent = Math.max(job.percent(), Progress.percent(stage, 0));
        Long eta = Progress.etaSeconds(stage, 0, Duration.ZERO, sinceStart(job));
        jobs.enterStage(job.id(), stage, percent, eta, percent);
        outbox.append(Topics.ENCODING_JOBS, EncodingProgressed.of(job.id(), job.titleId(), stage.name(), percent, eta));
        log.info("job {} entered {} with {} tasks", job.id(), stage, tasks.size());
    }

    private List<TaskSpec> encodingTasks(JobRow job) {
        MediaInfo media = json.readValue(Objects.requireNonNull(job.mediaInfo(), "mediaInfo"), MediaInfo.class);
        Ladder ladder = json.readValue(Objects.requireNonNull(job.ladder(), "ladder"), Ladder.class);
        List<Chunk> chunks =
                Arrays.asList(json.readValue(Objects.requireNonNull(job.chunkPlan(), "chunkPlan"), Chunk[].class));
        EncodingSettings encoding = EncodingSettings.of(settings, job.profile());
        return StagePlanner.encoding(
                ladder.rungs(), chunks, encoding.passes(), media.audioTracks().size(), media.duration());
    }

    private void updateProgress(JobRow job, double fraction) {
        int percent = Math.max(job.percent(), Progress.percent(job.state(), fraction));
        Duration inStage =
                job.stageStartedAt() == null ? Duration.ZERO : Duration.between(job.stageStartedAt(), job.now());
        Long eta = Progress.etaSeconds(job.state(), fraction, inStage, sinceStart(job));
        boolean announce = Progress.announce(false, percent, job.announcedPercent());
        jobs.updateProgress(job.id(), percent, eta, announce ? percent : job.announcedPercent());
        if (announce) {
            outbox.append(
                    Topics.ENCODING_JOBS,
                    EncodingProgressed.of(job.id(), job.titleId(), job.state().name(), percent, eta));
        }
    }

    private void finish(JobRow job) {
        TaskWork.PackageOutput packaged = json.readValue(
                Objects.requireNonNull(queue.output(job.id(), TaskKind.PACKAGE), "package output"),
                TaskWork.PackageOutput.class);
        TaskWork.PublishOutput published = json.readValue(
                Objects.requireNonNull(queue.output(job.id(), TaskKind.PUBLISH), "publish output"),
                TaskWork.PublishOutput.class);
        JsonNode ladder = json.readTree(Objects.requireNonNull(job.ladder(), "ladder"));
        String ladderKind = ladder.path("kind").asString();
        var title = packaged.packaged();
        JobResult result = new JobResult(
                published.originVersion(),
                title.durationMillis(),
                ladderKind,
                title.renditions(),
                title.codecs(),
                title.audioLanguages(),
                title.subtitleLanguages(),
                title.keyIdHex(),
                title.segmentCount(),
                published.objects(),
                published.bytes());
        jobs.finish(job.id(), json.writeValueAsString(result));
        outbox.append(
                Topics.ENCODING_JOBS,
                new EncodingCompleted(
                        UUID.randomUUID(),
                        Instant.now(),
                        EncodingCompleted.SCHEMA_VERSION,
                        job.id(),
                        job.titleId(),
                        published.originVersion(),
                        title.durationMillis(),
                        ladderKind,
                        title.renditions(),
                        title.codecs(),
                        title.audioLanguages(),
                        title.subtitleLanguages(),
                        title.keyIdHex()));
        log.info("job {} done: title {} published as {}", job.id(), job.titleId(), published.originVersion());
    }

    /**
     * What a done job published; the job's {@code result}.
     *
     * @param segmentCount segments per video rung
     * @param objects files in the origin version
     * @param bytes their total size
     */
    record JobResult(
            String originVersion,
            long durationMillis,
            String ladderKind,
            List<EncodingCompleted.Rendition> renditions,
            List<String> codecs,
            List<String> audioLanguages,
            List<String> subtitleLanguages,
            String keyId,
            int segmentCount,
            int objects,
            long bytes) {}

    private static Duration sinceStart(JobRow job) {
        return job.startedAt() == null ? Duration.ZERO : Duration.between(job.startedAt(), job.now());
    }

    private Duration backoff(int attempt) {
        Duration backoff = settings.retryBackoff().multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }
}
