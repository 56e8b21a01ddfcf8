package dev.reel.encoder.job;

import java.util.UUID;

/** The job feature's entry point for other features. */
public interface Jobs {

    /**
     * Creates a queued job for an accepted master. Must be called inside the caller's transaction, so that the
     * upload's completion and the job's creation commit together (or not at all).
     *
     * @return the new job's id
     */
    UUID submit(JobRequest request);
}
