package dev.reel.encoder.job;

/**
 * Where a job is. A job moves {@code QUEUED → ANALYSING → ENCODING → PACKAGING → PUBLISHING → DONE}, or to {@code
 * FAILED} from any working stage; a retry takes a failed job back to the stage that failed.
 */
public enum JobState {
    /** Accepted, waiting for a worker. */
    QUEUED,
    /** Probing the master, planning chunks and choosing the ladder. */
    ANALYSING,
    /** Encoding chunk × rung tasks, audio, subtitles and trickplay. */
    ENCODING,
    /** Assembling and verifying rungs, storing the content key, packaging and encrypting. */
    PACKAGING,
    /** Publishing the package to the origin. */
    PUBLISHING,
    /** Published; the result is set. */
    DONE,
    /** Gave up; the failed stage and reason are set, and the job can be retried. */
    FAILED;

    /** Whether the job has stopped moving: {@link #DONE} or {@link #FAILED}. */
    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
