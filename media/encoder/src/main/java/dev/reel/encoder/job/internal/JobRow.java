package dev.reel.encoder.job.internal;

import dev.reel.encoder.job.JobRequest.EncodingProfile;
import dev.reel.encoder.job.JobRequest.LadderMode;
import dev.reel.encoder.job.JobState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code jobs}; the JSON columns as text. */
record JobRow(
        UUID id,
        UUID titleId,
        UUID uploadId,
        Path master,
        LadderMode ladderMode,
        EncodingProfile profile,
        JobState state,
        int percent,
        @Nullable Long etaSeconds,
        int announcedPercent,
        @Nullable JobState failedStage,
        @Nullable String failureReason,
        int attempt,
        @Nullable String mediaInfo,
        @Nullable String ladder,
        @Nullable String fixedLadder,
        @Nullable String chunkPlan,
        @Nullable String result,
        UUID requestedBy,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant stageStartedAt,
        Instant updatedAt,
        @Nullable Instant finishedAt,
        Instant now) {}
