package dev.reel.search.query;

import dev.reel.search.index.MatchedField;
import dev.reel.search.index.TitleHit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One title in a search answer.
 *
 * @param type {@code MOVIE} or {@code SERIES}
 * @param maturity the rating's label, such as {@code 13+}
 * @param genres genre slugs
 * @param artworkUrl the title's first artwork, or null
 * @param matchedOn why it is listed: {@code name}, {@code cast}, {@code genre}, {@code synopsis}
 */
public record SearchHit(
        UUID titleId,
        String name,
        String type,
        int year,
        String maturity,
        List<String> genres,
        @Nullable String artworkUrl,
        List<String> matchedOn) {

    static SearchHit of(TitleHit hit) {
        return new SearchHit(
                hit.titleId(),
                hit.name(),
                hit.type(),
                hit.year(),
                hit.maturity().label(),
                hit.genres(),
                hit.artworkUrl(),
                hit.matchedOn().stream().sorted().map(MatchedField::label).toList());
    }
}
