package dev.reel.encoder.job.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a task produced.
 *
 * @param outputJson stored as the task's output; later tasks read it
 * @param cpuMillis CPU time of the ffmpeg processes it ran
 * @param analysis for {@link TaskKind#ANALYSE}: what goes onto the job row
 */
record TaskResult(
        String outputJson, long cpuMillis, @Nullable Analysis analysis) {

    TaskResult {
        Objects.requireNonNull(outputJson, "outputJson");
    }

    /**
     * The analysis of a master, as JSON for the job row.
     *
     * @param mediaInfo the probe result without keyframe times
     * @param ladder the ladder to encode
     * @param fixedLadder the fixed ladder for the same source
     * @param chunkPlan the chunks
     */
    record Analysis(String mediaInfo, String ladder, String fixedLadder, String chunkPlan) {}
}
