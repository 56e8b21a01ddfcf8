package dev.reel.recs.eval;

import dev.reel.recs.InteractionMatrix;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * Top-N accuracy of a leave-last-out test over the full catalog: each tested user's held-out item is ranked against
 * every item the user has not interacted with in training (no sampled negatives).
 *
 * @param users number of tested users
 * @param hitRate10 share of users whose held-out item is in their top 10 (HR@10)
 * @param ndcg10 mean of {@code 1 / log2(rank + 2)} for a 0-based rank below 10, else 0 (NDCG@10; one relevant item, so
 *     the ideal DCG is 1)
 * @param recall20 share of each user's held-out items in their top 20, averaged (Recall@20; with one held-out item per
 *     user this equals HR@20)
 */
public record Metrics(int users, double hitRate10, double ndcg10, double recall20) {

    /** Fills {@code into} (one slot per item) with the scores of the items for {@code user}; higher is better. */
    @FunctionalInterface
    public interface Scorer {
        void score(int user, float[] into);
    }

    /**
     * The metrics of the given 0-based ranks (one per tested user).
     *
     * @throws IllegalArgumentException if a rank is negative
     */
    public static Metrics fromRanks(int[] ranks) {
        double hits = 0;
        double gain = 0;
        double recalled = 0;
        for (int rank : ranks) {
            if (rank < 0) {
                throw new IllegalArgumentException("rank must be >= 0, got " + rank);
            }
            if (rank < 10) {
                hits++;
                gain += 1 / (Math.log(rank + 2) / Math.log(2));
            }
            if (rank < 20) {
                recalled++;
            }
        }
        int n = ranks.length;
        return n == 0 ? new Metrics(0, 0, 0, 0) : new Metrics(n, hits / n, gain / n, recalled / n);
    }

    /**
     * The 0-based rank of {@code target} among the items {@code exclude} does not accept: the number of those with a
     * higher score, or an equal score and a lower index (the order of {@code AlsModel.recommend}).
     */
    public static int rank(float[] scores, int target, IntPredicate exclude) {
        float score = scores[target];
        int above = 0;
        for (int item = 0; item < scores.length; item++) {
            if (item != target
                    && (scores[item] > score || (scores[item] == score && item < target))
                    && !exclude.test(item)) {
                above++;
            }
        }
        return above;
    }

    /**
     * Evaluates {@code scorer} on {@code split}: every tested user's scores over all items, their training items
     * excluded, on {@code threads} threads.
     *
     * @throws IllegalStateException if interrupted
     */
    public static Metrics evaluate(LeaveLastOut split, Scorer scorer, int threads) {
        InteractionMatrix train = split.train();
        int[] ranks = new int[split.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            float[] scores = new float[train.items()];
            for (int k = next.getAndIncrement(); k < ranks.length; k = next.getAndIncrement()) {
                int user = split.testUser(k);
                scorer.score(user, scores);
                int[] seen = train.itemsOf(user);
                ranks[k] = rank(scores, split.testItem(k), item -> java.util.Arrays.binarySearch(seen, item) >= 0);
            }
        };
        if (threads <= 1) {
            worker.run();
            return fromRanks(ranks);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Future<?>[] running = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                running[t] = pool.submit(worker);
            }
            for (Future<?> task : running) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while evaluating", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return fromRanks(ranks);
    }
}
