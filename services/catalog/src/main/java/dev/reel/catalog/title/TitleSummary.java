package dev.reel.catalog.title;

import dev.reel.catalog.genre.Genre;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A title as listed by {@code GET /api/v1/titles}: enough to draw a row tile.
 *
 * @param maturity the maturity label ({@code 13+})
 * @param playable whether encoded media exists that playback can hand out
 */
public record TitleSummary(
        UUID id,
        TitleType type,
        String name,
        int year,
        @Nullable Integer runtimeMinutes,
        String maturity,
        TitleState state,
        boolean playable,
        List<Genre> genres,
        List<Artwork> artworks,
        @Nullable Instant publishedAt) {}
