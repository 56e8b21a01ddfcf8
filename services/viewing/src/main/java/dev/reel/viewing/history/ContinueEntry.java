package dev.reel.viewing.history;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A title in a profile's Continue Watching list: at most one per (profile, title).
 *
 * @param episodeId the episode to play, null for a movie
 * @param positionMillis where to resume; 0 for a next episode
 * @param durationMillis the media's duration, 0 when unknown
 * @param nextEpisode whether this is the episode after the one just watched rather than one in progress
 * @param updatedAt when the bookmark behind the entry last moved; the list is newest first
 */
public record ContinueEntry(
        UUID profileId,
        UUID titleId,
        @Nullable UUID episodeId,
        long positionMillis,
        long durationMillis,
        boolean nextEpisode,
        Instant updatedAt) {}
