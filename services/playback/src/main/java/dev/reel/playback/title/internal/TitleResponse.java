package dev.reel.playback.title.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The fields of the catalog's {@code TitleDetails} playback relies on; others are ignored.
 *
 * @param state {@code DRAFT} or {@code PUBLISHED}
 * @param maturity a maturity label ({@code 16+})
 * @param media the latest encoded media, null until the encoder finished a job for the title
 */
public record TitleResponse(
        @Nullable UUID id,
        @Nullable String name,
        @Nullable String state,
        @Nullable String maturity,
        @Nullable Boolean playable,
        @Nullable Media media) {

    /**
     * @param originVersion the origin version holding the packaged title
     * @param maxHeight the tallest video rendition in pixels
     */
    public record Media(
            @Nullable String originVersion, @Nullable Integer maxHeight) {}
}
