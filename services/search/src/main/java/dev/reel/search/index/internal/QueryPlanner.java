package dev.reel.search.index.internal;

import static dev.reel.search.index.internal.TitleAnalysis.CAST;
import static dev.reel.search.index.internal.TitleAnalysis.GENRE;
import static dev.reel.search.index.internal.TitleAnalysis.MATURITY;
import static dev.reel.search.index.internal.TitleAnalysis.NAME;
import static dev.reel.search.index.internal.TitleAnalysis.SYNOPSIS;

import dev.reel.events.Maturity;
import dev.reel.search.SearchProperties;
import dev.reel.search.index.MatchedField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a member typed into Lucene queries. Immutable and thread-safe.
 *
 * <p>Each word becomes a disjunction (best field wins, others add a tenth) of: the exact word in name, cast and genre;
 * the word with typos in the same fields (edits by word length, {@link SearchProperties.Fuzzy}); its stem in the
 * synopsis; and, for the last word, the word as a prefix of a name or cast word (type-ahead). Every word is required,
 * except English stop words in a query that also has other words. The maturity ceiling is a filter: it never changes
 * scores.
 */
final class QueryPlanner {

    /** Share of the best field's score the other matching fields of a word add. */
    private static final float TIE_BREAKER = 0.1f;

    /** A prefix shorter than this is not expanded in a search (one letter matches too much); suggestions allow 1. */
    private static final int MIN_SEARCH_PREFIX = 2;

    /**
     * The query for a search, and per field the query that tells whether a hit matched on that field.
     *
     * @param query the scored query, filtered by the ceiling
     * @param byField one query per field the words could match, for {@code matchedOn}
     */
    record Plan(Query query, Map<MatchedField, Query> byField) {}

    private final TitleAnalysis analysis;
    private final SearchProperties.Ranking ranking;
    private final SearchProperties.Fuzzy fuzzy;
    private final int maxWords;

    QueryPlanner(TitleAnalysis analysis, SearchProperties.Ranking ranking, SearchProperties.Fuzzy fuzzy, int maxWords) {
        this.analysis = analysis;
        this.ranking = ranking;
        this.fuzzy = fuzzy;
        this.maxWords = maxWords;
    }

    /** The first {@code maxWords} words of the text, analysed like names. */
    private List<String> words(String text) {
        List<String> words = analysis.words(text);
        return words.size() > maxWords ? words.subList(0, maxWords) : words;
    }

    /** The search plan, or null when the text has no searchable word. */
    @Nullable
    Plan search(String text, Maturity ceiling) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return null;
        }
        boolean allStopWords = words.stream().allMatch(QueryPlanner::isStopWord);
        var query = new BooleanQuery.Builder();
        Map<MatchedField, BooleanQuery.Builder> byField = new EnumMap<>(MatchedField.class);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean last = i == words.size() - 1;
            List<Query> alternatives = new ArrayList<>();
            addField(
                    alternatives, byField, MatchedField.NAME, NAME, word, ranking.nameBoost(), last, MIN_SEARCH_PREFIX);
            addField(
                    alternatives, byField, MatchedField.CAST, CAST, word, ranking.castBoost(), last, MIN_SEARCH_PREFIX);
            addField(alternatives, byField, MatchedField.GENRE, GENRE, word, ranking.genreBoost(), false, 0);
            for (String stem : analysis.synopsisTerms(word)) {
                Query synopsis = boost(new TermQuery(new Term(SYNOPSIS, stem)), ranking.synopsisBoost());
                alternatives.add(synopsis);
                byField.computeIfAbsent(MatchedField.SYNOPSIS, f -> new BooleanQuery.Builder())
                        .add(synopsis, Occur.SHOULD);
            }
            Occur occur = isStopWord(word) && !allStopWords ? Occur.SHOULD : Occur.MUST;
            query.add(new DisjunctionMaxQuery(alternatives, TIE_BREAKER), occur);
        }
        query.add(ceilingFilter(ceiling), Occur.FILTER);
        Map<MatchedField, Query> fieldQueries = new EnumMap<>(MatchedField.class);
        byField.forEach((field, builder) -> fieldQueries.put(field, builder.build()));
        return new Plan(query.build(), fieldQueries);
    }

    /**
     * The type-ahead query over names and cast, or null when the text has no searchable word. Every word is required;
     * the last one may be a prefix of any length.
     */
    @Nullable
    Query suggest(String text, Maturity ceiling) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return null;
        }
        var query = new BooleanQuery.Builder();
        Map<MatchedField, BooleanQuery.Builder> unused = new EnumMap<>(MatchedField.class);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean last = i == words.size() - 1;
            List<Query> alternatives = new ArrayList<>();
            addField(alternatives, unused, MatchedField.NAME, NAME, word, ranking.nameBoost(), last, 1);
            addField(alternatives, unused, MatchedField.CAST, CAST, word, ranking.castBoost(), last, 1);
            query.add(new DisjunctionMaxQuery(alternatives, TIE_BREAKER), Occur.MUST);
        }
        query.add(ceilingFilter(ceiling), Occur.FILTER);
        return query.build();
    }

    /** Titles rated at or below the ceiling (maturity is indexed as the rating's ordinal). */
    static Query ceilingFilter(Maturity ceiling) {
        return IntField.newRangeQuery(MATURITY, 0, ceiling.ordinal());
    }

    private void addField(
            List<Query> alternatives,
            Map<MatchedField, BooleanQuery.Builder> byField,
            MatchedField matched,
            String field,
            String word,
            float boost,
            boolean prefix,
            int minPrefix) {
        List<Query> queries = new ArrayList<>(3);
        queries.add(boost(new TermQuery(new Term(field, word)), boost));
        int length = word.codePointCount(0, word.length());
        int edits = fuzzy.maxEdits(length);
        if (edits > 0) {
            queries.add(boost(
                    new FuzzyQuery(new Term(field, word), edits, 0, fuzzy.maxExpansions(), true),
                    boost * ranking.fuzzyFactor()));
        }
        if (prefix && length >= minPrefix) {
            queries.add(boost(new PrefixQuery(new Term(field, word)), boost * ranking.prefixFactor()));
        }
        alternatives.addAll(queries);
        BooleanQuery.Builder fieldQuery = byField.computeIfAbsent(matched, f -> new BooleanQuery.Builder());
        for (Query q : queries) {
            fieldQuery.add(q, Occur.SHOULD);
        }
    }

    private static Query boost(Query query, float boost) {
        return boost == 1f ? query : new BoostQuery(query, boost);
    }

    private static boolean isStopWord(String word) {
        return TitleAnalysis.STOP_WORDS.contains(word);
    }
}
