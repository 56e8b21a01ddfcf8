package dev.reel.catalog.genre;

import java.util.UUID;

/**
 * A browse category.
 *
 * @param id stable identifier
 * @param name display name, unique ignoring case
 * @param slug URL form of the name ({@code science-fiction}), unique
 */
public record Genre(UUID id, String name, String slug) {}
