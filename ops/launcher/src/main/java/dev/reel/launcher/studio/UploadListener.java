package dev.reel.launcher.studio;

import java.time.Duration;

/** What an {@link Uploader} reports while it works. Called on the uploading thread; implementations must be quick. */
public interface UploadListener {

    /** Reports nothing. */
    UploadListener NONE = new UploadListener() {};

    /**
     * The upload starts or resumes.
     *
     * @param offset the bytes the encoder already has (0 for a new upload)
     * @param length the master's size
     * @param resumed whether an earlier, unfinished upload of the same master continues
     */
    default void started(Upload upload, long offset, long length, boolean resumed) {}

    /** {@code sent} bytes of {@code length} are on their way or received (the encoder's offset after a failure). */
    default void progress(long sent, long length) {}

    /** A transient failure; the uploader waits {@code delay} and resumes from the encoder's offset. */
    default void retrying(String reason, Duration delay) {}

    /** The encoder has the whole master and started a job. */
    default void completed(Upload upload) {}
}
