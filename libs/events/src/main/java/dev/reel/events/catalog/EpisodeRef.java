package dev.reel.events.catalog;

import java.util.UUID;

/**
 * One episode of a series, as carried in a {@link TitleSnapshot}.
 *
 * @param episodeId the catalog's episode id; playback events name it in {@code episodeId}
 * @param seasonNumber the season the episode belongs to, from 1
 * @param number the episode's number within its season, from 1
 * @param runtimeMinutes the episode's running time
 */
public record EpisodeRef(UUID episodeId, int seasonNumber, int number, String name, int runtimeMinutes) {}
