package dev.reel.viewing.history;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code GET /api/v1/viewing/continue}. Names, type and episode numbers come from the catalog's latest
 * snapshot and are null while viewing has not seen the title in a catalog event.
 *
 * @param type {@code MOVIE} or {@code SERIES}
 * @param episodeId the episode to play, null for a movie
 * @param positionMillis where to resume; 0 for a next episode
 * @param durationMillis the media's duration, 0 when unknown
 * @param progress {@code positionMillis / durationMillis} in [0, 1], 0 when the duration is unknown
 * @param updatedAt when the profile last watched the title
 * @param nextEpisode whether this is the episode after the one just watched
 */
public record ContinueItem(
        UUID titleId,
        @Nullable String titleName,
        @Nullable String type,
        @Nullable UUID episodeId,
        @Nullable Integer seasonNumber,
        @Nullable Integer episodeNumber,
        @Nullable String episodeName,
        long positionMillis,
        long durationMillis,
        double progress,
        Instant updatedAt,
        boolean nextEpisode) {}
