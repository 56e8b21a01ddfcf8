package dev.reel.catalog.title;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/titles/{id}/seasons/{number}/episodes}; a missing synopsis is stored empty. */
public record EpisodeRequest(
        @NotNull @Positive Integer number,
        @NotBlank @Size(max = 200) String name,
        @Nullable @Size(max = 4000) String synopsis,
        @NotNull @Positive Integer runtimeMinutes) {}
