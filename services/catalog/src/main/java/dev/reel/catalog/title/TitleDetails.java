package dev.reel.catalog.title;

import dev.reel.catalog.genre.Genre;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything about one title, as returned by {@code GET /api/v1/titles/{id}} and by every write.
 *
 * @param maturity the maturity label ({@code 13+})
 * @param runtimeMinutes running time of a movie; usually absent for a series
 * @param seasons empty for a movie
 * @param playable whether encoded media exists that playback can hand out
 * @param media the latest encoded media; null until the encoder completed a job for this title
 * @param publishedAt when the title was (last) published; absent for a draft
 * @param version optimistic-locking version, also sent as the {@code ETag}
 */
public record TitleDetails(
        UUID id,
        TitleType type,
        String name,
        String synopsis,
        int year,
        @Nullable Integer runtimeMinutes,
        String maturity,
        TitleState state,
        List<Genre> genres,
        List<String> cast,
        List<Artwork> artworks,
        List<Season> seasons,
        boolean playable,
        @Nullable TitleMedia media,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant publishedAt,
        long version) {}
