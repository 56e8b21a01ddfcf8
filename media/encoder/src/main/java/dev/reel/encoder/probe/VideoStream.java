package dev.reel.encoder.probe;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The main video stream of a file (the first one that is not an attached picture such as cover art).
 *
 * @param index the stream's index in the container
 * @param codec ffmpeg's codec name, e.g. {@code h264}
 * @param width coded width in pixels
 * @param height coded height in pixels
 * @param frameRate average frames per second ({@code avg_frame_rate}, falling back to {@code r_frame_rate})
 * @param frameCount number of frames when the container states it ({@code nb_frames}), else {@code null}
 * @param bitRate bits per second when known, else {@code null}
 * @param pixelFormat e.g. {@code yuv420p}, or {@code null} when unknown
 */
public record VideoStream(
        int index,
        String codec,
        int width,
        int height,
        double frameRate,
        @Nullable Long frameCount,
        @Nullable Long bitRate,
        @Nullable String pixelFormat) {

    public VideoStream {
        Objects.requireNonNull(codec, "codec");
    }
}
