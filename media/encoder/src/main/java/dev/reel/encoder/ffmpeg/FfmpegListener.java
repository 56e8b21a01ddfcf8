package dev.reel.encoder.ffmpeg;

/**
 * Observes every process a {@link FfmpegRunner} completes successfully, for example to sum CPU time across an encode
 * farm. Called on the thread that ran the process; implementations must be thread-safe and quick, and must not
 * throw.
 */
@FunctionalInterface
public interface FfmpegListener {

    /** A listener that ignores everything. */
    FfmpegListener NONE = result -> {};

    void completed(FfmpegResult result);
}
