package dev.reel.search.index;

import dev.reel.events.Maturity;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A published title as the index holds it.
 *
 * @param titleId the catalog's title id, one document per id
 * @param type {@code MOVIE} or {@code SERIES}
 * @param name searched with the highest boost, by prefix and with typos
 * @param synopsis searched as stemmed English with a low boost
 * @param year release year
 * @param maturity its rating; hidden from profiles whose ceiling is lower
 * @param genres genre slugs
 * @param cast cast members' names, searched by prefix and with typos
 * @param artworkUrl the first artwork, shown in results, or null
 */
public record IndexedTitle(
        UUID titleId,
        String type,
        String name,
        String synopsis,
        int year,
        Maturity maturity,
        List<String> genres,
        List<String> cast,
        @Nullable String artworkUrl) {

    public IndexedTitle {
        Objects.requireNonNull(titleId, "titleId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(synopsis, "synopsis");
        Objects.requireNonNull(maturity, "maturity");
        genres = List.copyOf(genres);
        cast = List.copyOf(cast);
    }
}
