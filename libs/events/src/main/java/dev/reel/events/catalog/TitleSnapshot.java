package dev.reel.events.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A title as the catalog sees it at one moment: everything a search index or a recommender needs to
 * show and rank it without calling the catalog.
 *
 * @param type {@code MOVIE} or {@code SERIES}
 * @param maturity a {@link dev.reel.events.Maturity} label such as {@code "13+"}
 * @param genres genre slugs
 * @param artworkUrls artwork URLs in display order
 * @param playable whether the title has encoded media in the origin that playback can hand out
 * @param episodes a series' episodes ordered by season then number; empty for a movie, and in snapshots written
 *     before episodes were carried (a {@code null} in JSON reads as empty)
 */
public record TitleSnapshot(
        UUID titleId,
        String type,
        String name,
        String synopsis,
        int year,
        @Nullable Integer runtimeMinutes,
        String maturity,
        List<String> genres,
        List<String> cast,
        List<String> artworkUrls,
        boolean published,
        @Nullable Instant publishedAt,
        boolean playable,
        List<EpisodeRef> episodes) {

    public TitleSnapshot {
        genres = List.copyOf(genres);
        cast = List.copyOf(cast);
        artworkUrls = List.copyOf(artworkUrls);
        episodes = nullToEmpty(episodes);
    }

    /** Old JSON has no episodes, so Jackson passes {@code null} despite the component's type. */
    private static List<EpisodeRef> nullToEmpty(@Nullable List<EpisodeRef> episodes) {
        return episodes == null ? List.of() : List.copyOf(episodes);
    }
}
