package dev.reel.playback.title.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The fields of the catalog's {@code TitleDetails} playback relies on; others are ignored.
 *
 * @param type {@code MOVIE} or {@code SERIES}
 * @param state {@code DRAFT} or {@code PUBLISHED}
 * @param maturity a maturity label ({@code 16+})
 * @param seasons a series' seasons with their episodes; empty for a movie
 * @param media the latest encoded media, null until the encoder finished a job for the title
 */
public record TitleResponse(
        @Nullable UUID id,
        @Nullable String type,
        @Nullable String name,
        @Nullable String state,
        @Nullable String maturity,
        @Nullable List<Season> seasons,
        @Nullable Boolean playable,
        @Nullable Media media) {

    /**
     * @param originVersion the origin version holding the packaged title
     * @param durationSeconds the media's duration, rounded to the nearest second
     * @param maxHeight the tallest video rendition in pixels
     */
    public record Media(
            @Nullable String originVersion,
            @Nullable Long durationSeconds,
            @Nullable Integer maxHeight) {}

    /** @param episodes the season's episodes */
    public record Season(@Nullable List<Episode> episodes) {}

    /** @param id the episode id */
    public record Episode(@Nullable UUID id) {}
}
