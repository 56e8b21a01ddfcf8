package dev.reel.encoder.pack;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One subtitle track to package, as a WebVTT file from {@link SubtitleExtractor}.
 *
 * @param id the track's file name in the output ({@code subtitles/<id>.vtt}), e.g. {@code s-eng-0}; lower-case
 *     letters, digits and dashes, unique within the request
 * @param language the ISO 639-2 language code, {@code und} when unknown
 * @param name what players show in their subtitle menu, e.g. {@code English}
 * @param vtt the WebVTT file
 */
public record SubtitleInput(String id, String language, String name, Path vtt) {

    public SubtitleInput {
        Ids.require(id, "subtitle id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vtt, "vtt");
        if (language.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("subtitle language and name must not be blank");
        }
    }
}
