package dev.reel.encoder.job;

import dev.reel.encoder.job.JobRequest.EncodingProfile;
import dev.reel.encoder.job.JobRequest.LadderMode;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A job in a list: its state and progress, without the ladder and media details of {@link JobView}. */
public record JobSummary(
        UUID id,
        UUID titleId,
        LadderMode ladderMode,
        EncodingProfile profile,
        JobState state,
        int percent,
        @Nullable Long etaSeconds,
        @Nullable JobState failedStage,
        @Nullable String failureReason,
        int attempt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant finishedAt) {}
