package dev.reel.encoder.job;

import dev.reel.encoder.job.JobRequest.EncodingProfile;
import dev.reel.encoder.job.JobRequest.LadderMode;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A job as the studio API returns it.
 *
 * @param id the job
 * @param titleId the catalog title
 * @param uploadId the upload the master came from
 * @param ladderMode per-title or fixed
 * @param profile fast or standard
 * @param state the current stage, or done/failed
 * @param percent overall progress, 0 to 100 (100 only when done)
 * @param etaSeconds estimated seconds left, or null while there is nothing to estimate from
 * @param failedStage the stage that failed, while the job is failed
 * @param failureReason why, while the job is failed
 * @param attempt 1, plus one per retry
 * @param mediaInfo what ffprobe found in the master (without keyframe times), once analysed
 * @param ladder the ladder being encoded (rungs, and for a per-title ladder every trial point and the hull), once
 *     analysed
 * @param fixedLadder the fixed ladder's rungs for the same source, for comparison, once analysed
 * @param chunks how many chunks each rung is encoded in, once analysed
 * @param result what was published ({@code originVersion}, {@code durationMillis}, {@code renditions}, {@code
 *     codecs}, languages, {@code keyId}), once done
 * @param tasks the job's tasks by state
 * @param requestedBy the admin who uploaded the master
 */
public record JobView(
        UUID id,
        UUID titleId,
        UUID uploadId,
        LadderMode ladderMode,
        EncodingProfile profile,
        JobState state,
        int percent,
        @Nullable Long etaSeconds,
        @Nullable JobState failedStage,
        @Nullable String failureReason,
        int attempt,
        @Nullable JsonNode mediaInfo,
        @Nullable JsonNode ladder,
        @Nullable JsonNode fixedLadder,
        @Nullable Integer chunks,
        @Nullable JsonNode result,
        TaskCounts tasks,
        UUID requestedBy,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant stageStartedAt,
        Instant updatedAt,
        @Nullable Instant finishedAt) {

    /**
     * @param total every task created so far (later stages' tasks are created when the stage starts)
     * @param done finished successfully
     * @param running claimed by a worker
     * @param failed given up on
     * @param cpuSeconds CPU time of the ffmpeg processes of the finished tasks (every thread); against the job's wall
     *     time and the workers' cores it gives the encode farm's overhead
     */
    public record TaskCounts(int total, int done, int running, int failed, double cpuSeconds) {}
}
