package dev.reel.catalog.genre;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/genres} and {@code PUT /api/v1/genres/{id}}.
 *
 * @param name display name; surrounding whitespace is dropped
 */
public record GenreRequest(@NotBlank @Size(max = 60) String name) {}
