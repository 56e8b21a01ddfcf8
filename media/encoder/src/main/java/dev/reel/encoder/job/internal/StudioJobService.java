package dev.reel.encoder.job.internal;

import dev.reel.encoder.chunk.Chunk;
import dev.reel.encoder.job.JobState;
import dev.reel.encoder.job.JobSummary;
import dev.reel.encoder.job.JobView;
import dev.reel.encoder.job.StudioJobs;
import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads jobs for the studio API, and retries failed ones through the {@link JobEngine}. */
@Service
class StudioJobService implements StudioJobs {

    private final JobRepository jobs;
    private final TaskQueue queue;
    private final JobEngine engine;
    private final JsonMapper json;

    StudioJobService(JobRepository jobs, TaskQueue queue, JobEngine engine, JsonMapper json) {
        this.jobs = jobs;
        this.queue = queue;
        this.engine = engine;
        this.json = json;
    }

    @Override
    public Optional<JobView> find(UUID id) {
        return jobs.find(id).map(this::view);
    }

    @Override
    public Page<JobSummary> list(@Nullable UUID titleId, @Nullable JobState state, PageRequest page) {
        List<JobSummary> items = jobs.list(titleId, state, page.offset(), page.size()).stream()
                .map(StudioJobService::summary)
                .toList();
        return Page.of(items, page, jobs.count(titleId, state));
    }

    @Override
    public JobView retry(UUID id) {
        engine.retry(id);
        return find(id).orElseThrow();
    }

    private JobView view(JobRow row) {
        Integer chunks = row.chunkPlan() == null ? null : json.readValue(row.chunkPlan(), Chunk[].class).length;
        return new JobView(
                row.id(),
                row.titleId(),
                row.uploadId(),
                row.ladderMode(),
                row.profile(),
                row.state(),
                row.percent(),
                row.etaSeconds(),
                row.failedStage(),
                row.failureReason(),
                row.attempt(),
                tree(row.mediaInfo()),
                tree(row.ladder()),
                tree(row.fixedLadder()),
                chunks,
                tree(row.result()),
                queue.counts(row.id()),
                row.requestedBy(),
                row.createdAt(),
                row.startedAt(),
                row.stageStartedAt(),
                row.updatedAt(),
                row.finishedAt());
    }

    private @Nullable JsonNode tree(@Nullable String text) {
        return text == null ? null : json.readTree(text);
    }

    private static JobSummary summary(JobRow row) {
        return new JobSummary(
                row.id(),
                row.titleId(),
                row.ladderMode(),
                row.profile(),
                row.state(),
                row.percent(),
                row.etaSeconds(),
                row.failedStage(),
                row.failureReason(),
                row.attempt(),
                row.createdAt(),
                row.updatedAt(),
                row.finishedAt());
    }
}
