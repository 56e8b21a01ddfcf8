package dev.reel.encoder.ladder;

import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.probe.MediaInfo;
import dev.reel.encoder.probe.VideoStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A video to encode from or measure against.
 *
 * @param file a file ffmpeg reads
 * @param resolution its picture size
 * @param frameRate frames per second, positive
 * @param frameCount number of frames, positive
 */
public record SourceVideo(Path file, Resolution resolution, double frameRate, long frameCount) {

    public SourceVideo {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(resolution, "resolution");
        if (!(frameRate > 0) || frameCount <= 0) {
            throw new IllegalArgumentException(
                    "frame rate and count must be positive: " + frameRate + ", " + frameCount);
        }
    }

    /**
     * The video of a probed file.
     *
     * @throws dev.reel.encoder.probe.MediaProbeException if it has no usable video stream
     */
    public static SourceVideo of(Path file, MediaInfo info) {
        VideoStream video = info.requireVideo();
        return new SourceVideo(
                file, new Resolution(video.width(), video.height()), video.frameRate(), info.videoFrameCount());
    }

    /** Frame count ÷ frame rate. */
    public Duration duration() {
        return Duration.ofNanos(Math.round(frameCount / frameRate * 1e9));
    }

    /** Bits per second of a stream of {@code bytes} covering this video's duration. */
    public long bitrateOf(long bytes) {
        return Math.max(1, Math.round(bytes * 8.0 * frameRate / frameCount));
    }

    /**
     * Decodes this video once into uncompressed 4:2:0 frames in a NUT file at {@code target}, so that many trial
     * encodes and measurements read pixels instead of each decoding the master again. Costs about 1.5 bytes per
     * pixel per frame of disk (300 MB for 4 s of 1080p24): meant for short analysis clips.
     *
     * @throws dev.reel.encoder.ffmpeg.FfmpegException if decoding fails
     */
    public SourceVideo decodeToRaw(FfmpegRunner runner, Path target, int threads) {
        runner.ffmpeg(List.of(
                "-threads",
                Integer.toString(threads),
                "-i",
                FfmpegRunner.fileArgument(file),
                "-map",
                "0:v:0",
                "-an",
                "-sn",
                "-dn",
                "-frames:v",
                Long.toString(frameCount),
                "-c:v",
                "rawvideo",
                "-pix_fmt",
                "yuv420p",
                "-f",
                "nut",
                FfmpegRunner.fileArgument(target)));
        return new SourceVideo(target, resolution, frameRate, frameCount);
    }
}
