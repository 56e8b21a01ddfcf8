package dev.reel.viewing.title;

import java.util.UUID;

/**
 * One episode of a series.
 *
 * @param seasonNumber the season, from 1
 * @param number the episode's number within its season
 * @param runtimeMinutes the catalog's runtime, 0 when unknown
 */
public record Episode(UUID episodeId, int seasonNumber, int number, String name, int runtimeMinutes) {

    /** The runtime in milliseconds, 0 when unknown. */
    public long runtimeMillis() {
        return Math.max(0, runtimeMinutes) * 60_000L;
    }
}
