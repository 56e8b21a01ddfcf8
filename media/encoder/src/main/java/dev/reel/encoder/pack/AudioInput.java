package dev.reel.encoder.pack;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One audio track to package, encoded once for the whole title by {@link AudioEncoder}.
 *
 * @param id the rendition's directory name in the output ({@code audio/<id>/}), e.g. {@code a-eng-0}; lower-case
 *     letters, digits and dashes, unique within the request
 * @param language the ISO 639-2 language code, {@code und} when unknown
 * @param name what players show in their audio menu, e.g. {@code English}
 * @param channels the channel count, positive
 * @param bitrate the target bits per second, positive
 * @param file an audio-only AAC MP4 of the whole title
 */
public record AudioInput(String id, String language, String name, int channels, long bitrate, Path file) {

    public AudioInput {
        Ids.require(id, "audio id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        if (language.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("audio language and name must not be blank");
        }
        if (channels <= 0 || bitrate <= 0) {
            throw new IllegalArgumentException("channels and bitrate must be positive: " + channels + ", " + bitrate);
        }
    }
}
