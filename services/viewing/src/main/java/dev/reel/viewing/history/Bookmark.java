package dev.reel.viewing.history;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a profile is in one title (a movie, or one episode of a series), and its history counters. One per (profile,
 * title, episode); a history entry is the same record seen by time.
 *
 * @param episodeId the episode, null for a movie (or a play that named no episode)
 * @param positionMillis the resume position
 * @param durationMillis the media's duration, 0 when neither playback nor the catalog knew it
 * @param watched whether the position is at or past the watched fraction of the duration, as of the latest event
 * @param updatedAt when the latest applied event happened; the history's "last watched"
 * @param firstWatchedAt when the earliest applied event happened
 * @param completedAt the first time the bookmark was watched, null if never; a re-watch that starts over keeps it
 * @param watchedMillis playback time counted across sessions (seeks and pauses excluded)
 */
public record Bookmark(
        UUID profileId,
        UUID titleId,
        @Nullable UUID episodeId,
        long positionMillis,
        long durationMillis,
        boolean watched,
        Instant updatedAt,
        Instant firstWatchedAt,
        @Nullable Instant completedAt,
        long watchedMillis) {

    /** The position as a fraction of the duration in [0, 1]; 0 when the duration is unknown. */
    public double progress() {
        return progress(positionMillis, durationMillis);
    }

    /** {@code position / duration} clamped to [0, 1]; 0 when the duration is unknown. */
    public static double progress(long positionMillis, long durationMillis) {
        if (durationMillis <= 0) {
            return 0;
        }
        return Math.clamp((double) positionMillis / durationMillis, 0.0, 1.0);
    }
}
