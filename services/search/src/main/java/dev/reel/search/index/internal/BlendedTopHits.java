package dev.reel.search.index.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.jspecify.annotations.Nullable;

/**
 * Collects the best {@code k} matches by relevance blended with popularity, and counts every match:
 * {@code score = relevance × (1 + w·ln(1 + popularity(title)))}. Every matching document is scored this way, so a
 * popular title is never lost below a relevance cut-off. Ties go to the smaller title id, so an answer is stable.
 */
final class BlendedTopHits implements CollectorManager<BlendedTopHits.TopCollector, BlendedTopHits.Top> {

    /** A collected document: its global doc id, blended score and title id. */
    record Hit(int doc, double score, UUID titleId) {}

    /**
     * @param totalHits documents that matched
     * @param hits the best {@code k}, best first
     */
    record Top(long totalHits, List<Hit> hits) {}

    static final Comparator<Hit> BEST_FIRST =
            Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::titleId);

    private final int k;
    private final double weight;
    private final ToDoubleFunction<UUID> popularity;

    /**
     * @param k hits to keep, at least 1
     * @param weight {@code w}, 0 or more
     * @param popularity a title's popularity, 0 or more
     */
    BlendedTopHits(int k, double weight, ToDoubleFunction<UUID> popularity) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        this.k = k;
        this.weight = weight;
        this.popularity = popularity;
    }

    /** The blended score. */
    double blend(float relevance, UUID titleId) {
        if (weight == 0) {
            return relevance;
        }
        double pop = Math.max(0, popularity.applyAsDouble(titleId));
        return relevance * (1 + weight * Math.log1p(pop));
    }

    @Override
    public TopCollector newCollector() {
        return new TopCollector();
    }

    @Override
    public Top reduce(Collection<TopCollector> collectors) {
        long total = 0;
        List<Hit> all = new ArrayList<>();
        for (TopCollector collector : collectors) {
            total += collector.total;
            all.addAll(collector.queue);
        }
        all.sort(BEST_FIRST);
        return new Top(total, all.size() > k ? List.copyOf(all.subList(0, k)) : List.copyOf(all));
    }

    /** One slice's collector. */
    final class TopCollector implements Collector {

        private final PriorityQueue<Hit> queue = new PriorityQueue<>(BEST_FIRST.reversed());
        private long total;

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            NumericDocValues high = context.reader().getNumericDocValues(TitleAnalysis.ID_HIGH);
            NumericDocValues low = context.reader().getNumericDocValues(TitleAnalysis.ID_LOW);
            int base = context.docBase;
            return new LeafCollector() {
                private @Nullable Scorable scorer;

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorer = scorer;
                }

                @Override
                public void collect(int doc) throws IOException {
                    total++;
                    if (high == null || low == null || !high.advanceExact(doc) || !low.advanceExact(doc)) {
                        return;
                    }
                    UUID titleId = new UUID(high.longValue(), low.longValue());
                    float relevance = scorer == null ? 0 : scorer.score();
                    Hit hit = new Hit(base + doc, blend(relevance, titleId), titleId);
                    if (queue.size() < k) {
                        queue.add(hit);
                    } else if (BEST_FIRST.compare(hit, queue.peek()) < 0) {
                        queue.poll();
                        queue.add(hit);
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }
    }
}
