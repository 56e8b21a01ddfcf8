package dev.reel.encoder.ladder;

import java.nio.file.Path;

/**
 * A full-reference video quality metric: scores a distorted encode against its reference, frame by frame, at the
 * reference's resolution. An encode at a lower resolution is first upscaled to the reference's size with one fixed
 * scaler (bicubic for the ffmpeg-based metrics here), as a player would, so encodes at every resolution are scored on
 * the same footing. Frames are paired by index, so the distorted encode must keep every frame of the reference.
 *
 * <p>The ladder logic only uses {@link #thresholds()} and the scores, so a new metric (VMAF, for one) plugs in by
 * implementing this interface. Implementations must be thread-safe.
 */
public interface QualityMetric {

    /** A short stable name stored with ladders, e.g. {@code ssim-y-db}. */
    String name();

    /** The unit of {@link QualityScore#value()}, e.g. {@code dB}. */
    String unit();

    /** Default ladder thresholds on this metric's scale. */
    QualityThresholds thresholds();

    /**
     * Scores {@code distorted} against {@code reference}.
     *
     * @param distorted a video file (any container ffmpeg reads, including a raw H.264 stream)
     * @param reference the reference video and its resolution
     * @throws dev.reel.encoder.ffmpeg.FfmpegException if the measurement fails
     */
    QualityScore measure(Path distorted, SourceVideo reference);
}
