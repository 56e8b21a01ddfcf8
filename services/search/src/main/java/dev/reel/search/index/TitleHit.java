package dev.reel.search.index;

import dev.reel.events.Maturity;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One title in an answer, as indexed.
 *
 * @param matchedOn the fields the query matched, in {@link MatchedField} order; empty for suggestions
 * @param score the final score: relevance blended with popularity (see {@code SearchProperties.Ranking})
 */
public record TitleHit(
        UUID titleId,
        String name,
        String type,
        int year,
        Maturity maturity,
        List<String> genres,
        @Nullable String artworkUrl,
        Set<MatchedField> matchedOn,
        double score) {

    public TitleHit {
        genres = List.copyOf(genres);
        matchedOn = Set.copyOf(matchedOn);
    }
}
