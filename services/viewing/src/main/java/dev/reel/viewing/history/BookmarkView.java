package dev.reel.viewing.history;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/viewing/bookmarks/{titleId}}: where the player resumes.
 *
 * @param episodeId the episode, null for a movie
 * @param watched whether the position is at or past the watched fraction (a player usually starts over then)
 * @param updatedAt when the position was reported
 */
public record BookmarkView(
        UUID titleId,
        @Nullable UUID episodeId,
        long positionMillis,
        long durationMillis,
        boolean watched,
        Instant updatedAt) {}
