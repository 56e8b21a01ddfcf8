package dev.reel.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the search service, bound from {@code reel.search.*}. Every value has a default that suits the embedded
 * platform; invalid combinations fail at start-up.
 *
 * @param ranking field boosts and the popularity blend
 * @param fuzzy typo tolerance: how many edits a query term may be from an indexed term, by the term's length
 * @param popularity the time-decayed popularity learnt from playback starts
 * @param replay how the Kafka topics are replayed into memory
 * @param index the Lucene index
 * @param queries limits of the search and suggest endpoints
 * @param events publication of {@code SearchPerformed}
 */
@ConfigurationProperties("reel.search")
public record SearchProperties(
        @DefaultValue Ranking ranking,
        @DefaultValue Fuzzy fuzzy,
        @DefaultValue Popularity popularity,
        @DefaultValue Replay replay,
        @DefaultValue Index index,
        @DefaultValue Queries queries,
        @DefaultValue Events events) {

    /**
     * How a title's score is made. Relevance is Lucene's BM25 over the fields, each multiplied by its boost; the final
     * score is {@code relevance × (1 + popularityWeight × ln(1 + popularity))}, so popularity reorders titles of
     * similar relevance and breaks ties but never lifts a weak match above a strong one.
     *
     * @param nameBoost weight of a match in the title's name
     * @param castBoost weight of a match in a cast member's name
     * @param genreBoost weight of a match in a genre
     * @param synopsisBoost weight of a match in the synopsis (stemmed English)
     * @param prefixFactor share of the field's boost a prefix (type-ahead) match earns
     * @param fuzzyFactor share of the field's boost a misspelt match earns, before Lucene's own edit-distance discount
     * @param popularityWeight {@code w} in the blend; 0 ranks by relevance alone
     * @param maxResultWindow the deepest result served: {@code (page + 1) × size} may not exceed it
     */
    public record Ranking(
            @DefaultValue("3.0") float nameBoost,
            @DefaultValue("2.0") float castBoost,
            @DefaultValue("1.5") float genreBoost,
            @DefaultValue("0.5") float synopsisBoost,
            @DefaultValue("0.4") float prefixFactor,
            @DefaultValue("0.5") float fuzzyFactor,
            @DefaultValue("0.15") double popularityWeight,
            @DefaultValue("1000") int maxResultWindow) {

        public Ranking {
            if (!(nameBoost > 0 && castBoost > 0 && genreBoost > 0 && synopsisBoost > 0)) {
                throw new IllegalArgumentException("reel.search.ranking boosts must be positive");
            }
            if (!(prefixFactor > 0 && prefixFactor <= 1 && fuzzyFactor > 0 && fuzzyFactor <= 1)) {
                throw new IllegalArgumentException(
                        "reel.search.ranking.prefix-factor and fuzzy-factor must be in (0, 1]");
            }
            if (!(popularityWeight >= 0) || Double.isInfinite(popularityWeight)) {
                throw new IllegalArgumentException(
                        "reel.search.ranking.popularity-weight must be 0 or more, was " + popularityWeight);
            }
            if (maxResultWindow < 100) {
                throw new IllegalArgumentException(
                        "reel.search.ranking.max-result-window must be at least 100 (one full page)");
            }
        }
    }

    /**
     * Edit distance allowed by term length (counted in code points), like Elasticsearch's {@code AUTO:3,6}: shorter
     * than {@code oneEditFrom} must match exactly, shorter than {@code twoEditsFrom} may be one edit (insertion,
     * deletion, substitution or transposition) away, longer ones two.
     *
     * @param oneEditFrom shortest term that may have one typo
     * @param twoEditsFrom shortest term that may have two typos
     * @param maxExpansions most indexed terms one misspelt term expands to (at most 30, which keeps a query of
     *     {@link Queries#maxWords} words within Lucene's 1024 clauses)
     */
    public record Fuzzy(
            @DefaultValue("3") int oneEditFrom,
            @DefaultValue("6") int twoEditsFrom,
            @DefaultValue("20") int maxExpansions) {

        public Fuzzy {
            if (oneEditFrom < 1 || twoEditsFrom <= oneEditFrom) {
                throw new IllegalArgumentException("reel.search.fuzzy: need 1 <= one-edit-from < two-edits-from, was "
                        + oneEditFrom + " and " + twoEditsFrom);
            }
            if (maxExpansions < 1 || maxExpansions > 30) {
                throw new IllegalArgumentException(
                        "reel.search.fuzzy.max-expansions must be between 1 and 30, was " + maxExpansions);
            }
        }

        /** The edits a term of this many code points may be away from its match: 0, 1 or 2. */
        public int maxEdits(int length) {
            return length < oneEditFrom ? 0 : length < twoEditsFrom ? 1 : 2;
        }
    }

    /**
     * @param halfLife a playback start counts 1 now, ½ this long ago
     * @param dedupeWindow how many recent event ids are remembered to ignore a redelivered start
     */
    public record Popularity(
            @DefaultValue("7d") Duration halfLife,
            @DefaultValue("100000") int dedupeWindow) {

        public Popularity {
            if (halfLife.isNegative() || halfLife.isZero()) {
                throw new IllegalArgumentException("reel.search.popularity.half-life must be positive");
            }
            if (dedupeWindow < 0) {
                throw new IllegalArgumentException("reel.search.popularity.dedupe-window must be 0 or more");
            }
        }
    }

    /**
     * @param pollTimeout longest wait of one Kafka poll
     * @param retryInterval pause before asking the broker again after a failure, and between checks for a topic
     *     that does not exist yet
     * @param partitionRefresh how often a replayed topic is checked for new partitions
     */
    public record Replay(
            @DefaultValue("500ms") Duration pollTimeout,
            @DefaultValue("2s") Duration retryInterval,
            @DefaultValue("30s") Duration partitionRefresh) {}

    /**
     * @param refreshInterval how soon a catalog change becomes searchable (near-real-time reopen)
     * @param ramBufferMb indexing buffer before segments are flushed (inside the in-memory directory)
     */
    public record Index(
            @DefaultValue("200ms") Duration refreshInterval,
            @DefaultValue("32") double ramBufferMb) {

        public Index {
            if (refreshInterval.isNegative() || refreshInterval.isZero()) {
                throw new IllegalArgumentException("reel.search.index.refresh-interval must be positive");
            }
        }
    }

    /**
     * @param maxQueryLength longest {@code q} accepted, in characters; longer is a 400
     * @param maxWords words of a query that are searched (at most 8); later ones are ignored
     * @param defaultSuggestions suggestions when {@code limit} is absent
     * @param maxSuggestions largest {@code limit} accepted
     */
    public record Queries(
            @DefaultValue("200") int maxQueryLength,
            @DefaultValue("8") int maxWords,
            @DefaultValue("8") int defaultSuggestions,
            @DefaultValue("20") int maxSuggestions) {

        public Queries {
            if (maxQueryLength < 1) {
                throw new IllegalArgumentException("reel.search.queries.max-query-length must be at least 1");
            }
            if (maxWords < 1 || maxWords > 8) {
                throw new IllegalArgumentException(
                        "reel.search.queries.max-words must be between 1 and 8, was " + maxWords);
            }
            if (defaultSuggestions < 1 || defaultSuggestions > maxSuggestions) {
                throw new IllegalArgumentException(
                        "reel.search.queries: need 1 <= default-suggestions <= max-suggestions");
            }
        }
    }

    /**
     * @param enabled whether searches are published as {@code SearchPerformed}
     * @param maxPending searches whose event is still being sent; beyond this (a broker outage) events are dropped
     */
    public record Events(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1000") int maxPending) {}
}
