package dev.reel.playback.title;

import dev.reel.events.Maturity;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A published title as the catalog describes it.
 *
 * @param id the title id (also the origin title id, as a lower-case string)
 * @param name the title's name
 * @param maturity its rating
 * @param playable whether the catalog knows encoded media for it
 * @param originVersion the origin version holding the media; null when not playable
 * @param maxHeight the tallest encoded rendition in pixels; 0 when not playable
 * @param durationMillis the media's duration in milliseconds; 0 when unknown or not playable
 * @param series whether the title is a series (only a series has episodes a session may name)
 * @param episodeIds the ids of the series' episodes, across all seasons; empty for a movie
 */
public record CatalogTitle(
        UUID id,
        String name,
        Maturity maturity,
        boolean playable,
        @Nullable String originVersion,
        int maxHeight,
        long durationMillis,
        boolean series,
        Set<UUID> episodeIds) {

    public CatalogTitle {
        episodeIds = Set.copyOf(episodeIds);
    }

    /** Whether {@code episodeId} is one of this series' episodes; always false for a movie. */
    public boolean hasEpisode(UUID episodeId) {
        return series && episodeIds.contains(episodeId);
    }
}
