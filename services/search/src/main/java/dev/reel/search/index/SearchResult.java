package dev.reel.search.index;

import java.util.List;

/**
 * One window of a ranked search.
 *
 * @param totalHits every title the query matched under the ceiling
 * @param hits the titles of the requested window, best first
 */
public record SearchResult(long totalHits, List<TitleHit> hits) {

    public SearchResult {
        hits = List.copyOf(hits);
    }
}
