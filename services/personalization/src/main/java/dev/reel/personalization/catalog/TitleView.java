package dev.reel.personalization.catalog;

import dev.reel.events.Maturity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A published title, as the latest catalog event described it.
 *
 * @param type {@code MOVIE} or {@code SERIES}
 * @param genres genre slugs
 * @param artworkUrls artwork URLs in the catalog's display order
 * @param publishedAt when it was first published, null when the catalog did not say
 * @param runtimeMinutes a movie's runtime, when known
 */
public record TitleView(
        UUID id,
        String type,
        String name,
        int year,
        Maturity maturity,
        List<String> genres,
        List<String> artworkUrls,
        @Nullable Instant publishedAt,
        boolean playable,
        @Nullable Integer runtimeMinutes) {

    public TitleView {
        genres = List.copyOf(genres);
        artworkUrls = List.copyOf(artworkUrls);
    }

    /** Whether a profile with this ceiling may see it. */
    public boolean visibleUnder(Maturity ceiling) {
        return maturity.allowedUnder(ceiling);
    }
}
