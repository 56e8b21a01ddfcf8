package dev.reel.encoder.probe;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An audio stream.
 *
 * @param index the stream's index in the container
 * @param codec ffmpeg's codec name, e.g. {@code aac}
 * @param language the ISO 639-2 language tag, or {@code null} when absent or {@code und}
 * @param title the stream title tag, or {@code null}
 * @param channels channel count (0 when unknown)
 * @param sampleRate samples per second (0 when unknown)
 * @param isDefault whether the container marks it as the default track
 */
public record AudioTrack(
        int index,
        String codec,
        @Nullable String language,
        @Nullable String title,
        int channels,
        int sampleRate,
        boolean isDefault) {

    public AudioTrack {
        Objects.requireNonNull(codec, "codec");
    }
}
