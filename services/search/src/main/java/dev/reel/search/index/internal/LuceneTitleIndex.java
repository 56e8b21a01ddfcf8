package dev.reel.search.index.internal;

import static dev.reel.search.index.internal.TitleAnalysis.ARTWORK;
import static dev.reel.search.index.internal.TitleAnalysis.CAST;
import static dev.reel.search.index.internal.TitleAnalysis.GENRE;
import static dev.reel.search.index.internal.TitleAnalysis.ID;
import static dev.reel.search.index.internal.TitleAnalysis.ID_HIGH;
import static dev.reel.search.index.internal.TitleAnalysis.ID_LOW;
import static dev.reel.search.index.internal.TitleAnalysis.MATURITY;
import static dev.reel.search.index.internal.TitleAnalysis.NAME;
import static dev.reel.search.index.internal.TitleAnalysis.SYNOPSIS;
import static dev.reel.search.index.internal.TitleAnalysis.TYPE;
import static dev.reel.search.index.internal.TitleAnalysis.YEAR;

import dev.reel.events.Maturity;
import dev.reel.search.SearchProperties;
import dev.reel.search.index.IndexedTitle;
import dev.reel.search.index.MatchedField;
import dev.reel.search.index.SearchResult;
import dev.reel.search.index.TitleHit;
import dev.reel.search.index.TitleIndex;
import dev.reel.search.popularity.Popularity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The title index in a {@link ByteBuffersDirectory}: one document per title, written by an {@link IndexWriter} and
 * searched through a {@link SearcherManager} over near-real-time readers, reopened every {@code refreshInterval} by a
 * daemon thread (cheap when nothing changed). Nothing is committed: the index is rebuilt from Kafka at every start.
 */
final class LuceneTitleIndex implements TitleIndex, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LuceneTitleIndex.class);

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final QueryPlanner planner;
    private final Popularity popularity;
    private final double popularityWeight;
    private final Clock clock;
    private final ScheduledExecutorService refresher;

    /**
     * An empty index.
     *
     * @param settings the service's settings (ranking, fuzziness, index)
     * @param popularity popularity blended into every ranking
     * @param clock the instant popularity is read at
     */
    LuceneTitleIndex(SearchProperties settings, Popularity popularity, Clock clock) {
        var analysis = new TitleAnalysis();
        this.planner = new QueryPlanner(
                analysis,
                settings.ranking(),
                settings.fuzzy(),
                settings.queries().maxWords());
        this.popularity = popularity;
        this.popularityWeight = settings.ranking().popularityWeight();
        this.clock = clock;
        try {
            var config = new IndexWriterConfig(analysis.indexing())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(settings.index().ramBufferMb())
                    .setCommitOnClose(false);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, true, false, null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the in-memory index", e);
        }
        long every = settings.index().refreshInterval().toMillis();
        this.refresher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("search-index-refresh").daemon().factory());
        refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void put(IndexedTitle title) {
        try {
            writer.updateDocument(new Term(ID, title.titleId().toString()), document(title));
        } catch (IOException e) {
            throw new UncheckedIOException("could not index title " + title.titleId(), e);
        }
    }

    @Override
    public void remove(UUID titleId) {
        try {
            writer.deleteDocuments(new Term(ID, titleId.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove title " + titleId, e);
        }
    }

    @Override
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("could not refresh the index", e);
        }
    }

    @Override
    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    @Override
    public SearchResult search(String query, Maturity ceiling, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be 0 or more and limit at least 1");
        }
        QueryPlanner.Plan plan = planner.search(query, ceiling);
        if (plan == null) {
            return new SearchResult(0, List.of());
        }
        return withSearcher(searcher -> {
            BlendedTopHits.Top top = collect(searcher, plan.query(), offset + limit);
            List<BlendedTopHits.Hit> window = top.hits().size() <= offset
                    ? List.of()
                    : top.hits().subList(offset, top.hits().size());
            Map<MatchedField, Weight> fieldWeights = new EnumMap<>(MatchedField.class);
            for (var entry : plan.byField().entrySet()) {
                Query rewritten = searcher.rewrite(entry.getValue());
                fieldWeights.put(entry.getKey(), searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f));
            }
            List<TitleHit> hits = new ArrayList<>(window.size());
            StoredFields stored = searcher.storedFields();
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (BlendedTopHits.Hit hit : window) {
                hits.add(hit(stored, hit, matchedOn(leaves, fieldWeights, hit.doc())));
            }
            return new SearchResult(top.totalHits(), hits);
        });
    }

    @Override
    public List<TitleHit> suggest(String query, Maturity ceiling, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        Query planned = planner.suggest(query, ceiling);
        if (planned == null) {
            return List.of();
        }
        return withSearcher(searcher -> {
            BlendedTopHits.Top top = collect(searcher, planned, limit);
            StoredFields stored = searcher.storedFields();
            List<TitleHit> hits = new ArrayList<>(top.hits().size());
            for (BlendedTopHits.Hit hit : top.hits()) {
                hits.add(hit(stored, hit, Set.of()));
            }
            return hits;
        });
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        try {
            IOUtils.close(searchers, writer, directory);
        } catch (IOException e) {
            log.warn("closing the in-memory index failed: {}", e.toString());
        }
    }

    private BlendedTopHits.Top collect(IndexSearcher searcher, Query query, int k) throws IOException {
        Instant now = clock.instant();
        return searcher.search(query, new BlendedTopHits(k, popularityWeight, titleId -> popularity.of(titleId, now)));
    }

    private static Set<MatchedField> matchedOn(
            List<LeafReaderContext> leaves, Map<MatchedField, Weight> weights, int doc) throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Set<MatchedField> matched = EnumSet.noneOf(MatchedField.class);
        for (var entry : weights.entrySet()) {
            if (entry.getValue().matches(leaf, doc - leaf.docBase) != null) {
                matched.add(entry.getKey());
            }
        }
        return matched;
    }

    private static TitleHit hit(StoredFields stored, BlendedTopHits.Hit hit, Set<MatchedField> matchedOn)
            throws IOException {
        Document doc = stored.document(hit.doc());
        Maturity[] ratings = Maturity.values();
        int rating = doc.getField(MATURITY).numericValue().intValue();
        return new TitleHit(
                hit.titleId(),
                doc.get(NAME),
                doc.get(TYPE),
                doc.getField(YEAR).numericValue().intValue(),
                ratings[Math.min(Math.max(rating, 0), ratings.length - 1)],
                Arrays.asList(doc.getValues(GENRE)),
                doc.get(ARTWORK),
                matchedOn,
                hit.score());
    }

    static Document document(IndexedTitle title) {
        var doc = new Document();
        doc.add(new StringField(ID, title.titleId().toString(), Field.Store.NO));
        doc.add(new NumericDocValuesField(ID_HIGH, title.titleId().getMostSignificantBits()));
        doc.add(new NumericDocValuesField(ID_LOW, title.titleId().getLeastSignificantBits()));
        doc.add(new TextField(NAME, title.name(), Field.Store.YES));
        for (String member : title.cast()) {
            doc.add(new TextField(CAST, member, Field.Store.NO));
        }
        for (String genre : title.genres()) {
            doc.add(new TextField(GENRE, genre, Field.Store.YES));
        }
        doc.add(new TextField(SYNOPSIS, title.synopsis(), Field.Store.NO));
        doc.add(new IntField(MATURITY, title.maturity().ordinal(), Field.Store.YES));
        doc.add(new StoredField(TYPE, title.type()));
        doc.add(new StoredField(YEAR, title.year()));
        if (title.artworkUrl() != null) {
            doc.add(new StoredField(ARTWORK, title.artworkUrl()));
        }
        return doc;
    }

    private void refreshQuietly() {
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            log.warn("index refresh failed: {}", e.toString());
        }
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index search failed", e);
        }
    }
}
