package dev.reel.encoder.job.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A task a worker holds under a lease. {@code owner} and {@code attempt} together are the fencing token: only the
 * holder of the latest claim can renew, complete or fail the task.
 *
 * @param id the task
 * @param jobId its job
 * @param kind what it does
 * @param rung rung index (video chunks)
 * @param part chunk index or audio track ordinal
 * @param attempt this claim's attempt number, from 1
 * @param owner the worker that holds it
 */
public record ClaimedTask(long id, UUID jobId, TaskKind kind, int rung, int part, int attempt, String owner) {

    public ClaimedTask {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
    }

    /** A short description for logs and failure reasons, e.g. {@code VIDEO_CHUNK rung 2 chunk 7}. */
    public String describe() {
        return switch (kind) {
            case VIDEO_CHUNK -> String.format(Locale.ROOT, "%s rung %d chunk %d", kind, rung, part);
            case AUDIO -> kind + " track " + part;
            default -> kind.toString();
        };
    }
}
