package dev.reel.search.index;

import dev.reel.events.Maturity;
import java.util.List;
import java.util.UUID;

/**
 * The searchable published catalog. Writes are cheap and become visible to searches within the index's refresh
 * interval, or at once after {@link #refresh()}. Thread-safe: one writer thread and any number of searching threads.
 */
public interface TitleIndex {

    /** Adds the title, or replaces the one with the same id. */
    void put(IndexedTitle title);

    /** Removes the title; nothing happens when it is not indexed. */
    void remove(UUID titleId);

    /** Blocks until every write made so far is visible to searches. */
    void refresh();

    /** Titles visible to searches now. */
    int size();

    /**
     * Ranked search over name, cast, genres and synopsis. Every word of the query must match some field (English stop
     * words are optional), exactly, stemmed (synopsis), with typos (name, cast, genres; edits by word length) or, for
     * the last word, as a prefix (name, cast). Relevance is blended with popularity.
     *
     * @param query the words as typed, not blank
     * @param ceiling titles rated above it are left out
     * @param offset hits to skip, 0 or more
     * @param limit hits to return, at least 1
     * @return the window and the total number of hits; no hits for a query with no searchable word (only punctuation)
     */
    SearchResult search(String query, Maturity ceiling, int offset, int limit);

    /**
     * Type-ahead over names and cast: every word but the last must match exactly or with typos, the last one may be a
     * prefix. Ranked like {@link #search}.
     *
     * @return at most {@code limit} titles, best first, with no {@code matchedOn}
     */
    List<TitleHit> suggest(String query, Maturity ceiling, int limit);
}
