package dev.reel.encoder.probe;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A subtitle stream.
 *
 * @param index the stream's index in the container
 * @param codec ffmpeg's codec name, e.g. {@code subrip}, {@code mov_text}, {@code webvtt}
 * @param language the ISO 639-2 language tag, or {@code null} when absent or {@code und}
 * @param title the stream title tag, or {@code null}
 * @param forced whether it is marked forced (shown even when subtitles are off)
 * @param isDefault whether the container marks it as the default track
 */
public record SubtitleTrack(
        int index,
        String codec,
        @Nullable String language,
        @Nullable String title,
        boolean forced,
        boolean isDefault) {

    public SubtitleTrack {
        Objects.requireNonNull(codec, "codec");
    }
}
