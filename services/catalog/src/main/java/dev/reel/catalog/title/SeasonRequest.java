package dev.reel.catalog.title;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/titles/{id}/seasons}. */
public record SeasonRequest(
        @NotNull @Positive Integer number,
        @Nullable @Size(max = 200) String name) {}
