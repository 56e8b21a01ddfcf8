package dev.reel.viewing.history;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code GET /api/v1/viewing/history}: a movie, or one episode of a series. Names and episode numbers
 * come from the catalog and are null while viewing has not seen the title in a catalog event.
 *
 * @param watched whether the profile ever watched it to the watched fraction (a re-watch that starts over keeps it)
 * @param firstWatchedAt the earliest playback fact
 * @param lastWatchedAt the latest playback fact; the list is newest first
 * @param watchedMillis playback time counted across sessions (seeks and pauses excluded)
 */
public record HistoryItem(
        UUID titleId,
        @Nullable String titleName,
        @Nullable UUID episodeId,
        @Nullable Integer seasonNumber,
        @Nullable Integer episodeNumber,
        long positionMillis,
        long durationMillis,
        boolean watched,
        Instant firstWatchedAt,
        Instant lastWatchedAt,
        long watchedMillis) {}
