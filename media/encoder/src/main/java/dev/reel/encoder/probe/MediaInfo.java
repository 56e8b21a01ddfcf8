package dev.reel.encoder.probe;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What ffprobe found in a media file.
 *
 * @param formatName ffmpeg's container name list, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param duration the container's duration, positive
 * @param sizeBytes the file size ffprobe reported (0 when unknown)
 * @param bitRate the overall bits per second, or {@code null} when unknown
 * @param video the main video stream, or {@code null} when there is none
 * @param audioTracks the audio streams in container order
 * @param subtitleTracks the subtitle streams in container order
 * @param keyframeTimes presentation times of the video keyframes in ascending order when they were asked for, else
 *     {@code null}
 */
public record MediaInfo(
        String formatName,
        Duration duration,
        long sizeBytes,
        @Nullable Long bitRate,
        @Nullable VideoStream video,
        List<AudioTrack> audioTracks,
        List<SubtitleTrack> subtitleTracks,
        @Nullable List<Duration> keyframeTimes) {

    /** Containers ffmpeg reports for still images or text, which are not video even if they hold a video stream. */
    private static final Set<String> NOT_VIDEO_FORMATS = Set.of("tty", "image2", "image2pipe", "gif");

    public MediaInfo {
        Objects.requireNonNull(formatName, "formatName");
        Objects.requireNonNull(duration, "duration");
        audioTracks = List.copyOf(audioTracks);
        subtitleTracks = List.copyOf(subtitleTracks);
        keyframeTimes = keyframeTimes == null ? null : List.copyOf(keyframeTimes);
    }

    /** The same information with the given keyframe times. */
    public MediaInfo withKeyframeTimes(List<Duration> times) {
        return new MediaInfo(formatName, duration, sizeBytes, bitRate, video, audioTracks, subtitleTracks, times);
    }

    /**
     * The main video stream of a file that is a moving picture.
     *
     * @throws MediaProbeException if there is no video stream, or the file is a still image, an animated GIF or text
     *     that ffmpeg happens to read as video
     */
    public VideoStream requireVideo() {
        VideoStream stream = video;
        if (stream == null) {
            throw new MediaProbeException("The file has no video stream");
        }
        String primaryFormat = formatName.split(",", 2)[0];
        if (NOT_VIDEO_FORMATS.contains(primaryFormat)
                || primaryFormat.endsWith("_pipe")
                || "ansi".equals(stream.codec())) {
            throw new MediaProbeException("The file is not a video (ffmpeg reads it as " + primaryFormat + ")");
        }
        if (stream.width() <= 0 || stream.height() <= 0) {
            throw new MediaProbeException("The video stream has no picture size");
        }
        if (stream.frameRate() <= 0) {
            throw new MediaProbeException("The video stream has no frame rate");
        }
        return stream;
    }

    /**
     * The number of video frames: the container's count when known, else duration × frame rate rounded.
     *
     * @throws MediaProbeException if there is no usable video stream
     */
    public long videoFrameCount() {
        VideoStream stream = requireVideo();
        Long frames = stream.frameCount();
        if (frames != null && frames > 0) {
            return frames;
        }
        return Math.round(duration.toNanos() / 1e9 * stream.frameRate());
    }
}
