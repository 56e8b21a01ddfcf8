package dev.reel.encoder.job.internal;

import java.util.Objects;

/**
 * A task to create.
 *
 * @param kind what it does
 * @param rung the rung index for {@link TaskKind#VIDEO_CHUNK}, else 0
 * @param part the chunk index for {@link TaskKind#VIDEO_CHUNK}, the track ordinal for {@link TaskKind#AUDIO}, else 0
 * @param weight its relative cost within its stage, positive
 */
public record TaskSpec(TaskKind kind, int rung, int part, long weight) {

    public TaskSpec {
        Objects.requireNonNull(kind, "kind");
        if (rung < 0 || part < 0 || weight <= 0) {
            throw new IllegalArgumentException(
                    "rung and part must be >= 0 and weight positive: " + rung + ", " + part + ", " + weight);
        }
    }

    /** A task of a kind with no rung or part. */
    public static TaskSpec single(TaskKind kind) {
        return new TaskSpec(kind, 0, 0, 1);
    }
}
