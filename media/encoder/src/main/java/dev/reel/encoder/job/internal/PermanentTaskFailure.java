package dev.reel.encoder.job.internal;

/**
 * A task failed for a reason another attempt cannot fix (the master is not usable media, an assembled rung does not
 * match the source): the job fails at once with this message as its reason, without retries.
 */
public final class PermanentTaskFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PermanentTaskFailure(String message) {
        super(message);
    }

    public PermanentTaskFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
