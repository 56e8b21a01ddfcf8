package dev.reel.catalog.title;

import java.util.UUID;

/** One episode of a series season. */
public record Episode(UUID id, int seasonNumber, int number, String name, String synopsis, int runtimeMinutes) {}
