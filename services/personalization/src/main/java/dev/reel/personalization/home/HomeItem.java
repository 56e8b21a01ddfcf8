package dev.reel.personalization.home;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A title in a row.
 *
 * @param type {@code MOVIE} or {@code SERIES}
 * @param maturity the maturity label
 * @param genres genre slugs
 * @param artworkUrl the artwork chosen for this profile, null when the title has none
 * @param progress Continue Watching only: how far the profile got, 0..1
 * @param episodeId Continue Watching only: the episode to resume or start
 */
public record HomeItem(
        UUID titleId,
        String name,
        String type,
        int year,
        String maturity,
        List<String> genres,
        @Nullable String artworkUrl,
        @Nullable Double progress,
        @Nullable UUID episodeId) {}
