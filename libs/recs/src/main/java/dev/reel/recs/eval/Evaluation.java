package dev.reel.recs.eval;

import dev.reel.recs.AlsModel;
import dev.reel.recs.ImplicitAls;

/**
 * The offline evaluation: a leave-last-out split of the ratings, the model trained on the rest (timed), and HR@10,
 * NDCG@10 and Recall@20 over the full catalog for the model and for the popularity baseline.
 */
public final class Evaluation {

    private Evaluation() {}

    /**
     * The outcome of one evaluation.
     *
     * @param users distinct users in the data
     * @param items distinct items in the data
     * @param interactions distinct (user, item) pairs in the data
     * @param trainInteractions distinct pairs the model was trained on
     * @param model the model's metrics
     * @param popularity the popularity baseline's metrics
     * @param trainingMillis wall-clock time of {@link ImplicitAls#train}
     */
    public record Report(
            int users,
            int items,
            int interactions,
            int trainInteractions,
            Metrics model,
            Metrics popularity,
            long trainingMillis) {

        /** Model NDCG@10 over popularity's (infinite if popularity scores 0). */
        public double ndcg10Ratio() {
            return ratio(model.ndcg10(), popularity.ndcg10());
        }

        /** Model HR@10 over popularity's. */
        public double hitRate10Ratio() {
            return ratio(model.hitRate10(), popularity.hitRate10());
        }

        /** Model Recall@20 over popularity's. */
        public double recall20Ratio() {
            return ratio(model.recall20(), popularity.recall20());
        }

        private static double ratio(double a, double b) {
            return b == 0 ? (a == 0 ? 1 : Double.POSITIVE_INFINITY) : a / b;
        }
    }

    /** Splits {@code ratings}, trains {@code als} on the training part and scores model and baseline. */
    public static Report run(Ratings ratings, ImplicitAls als) {
        LeaveLastOut split = LeaveLastOut.of(ratings);
        long started = System.nanoTime();
        AlsModel model = als.train(split.train());
        long trainingMillis = (System.nanoTime() - started) / 1_000_000;
        Metrics modelMetrics = Metrics.evaluate(
                split,
                (user, into) -> System.arraycopy(model.scores(model.userVector(user)), 0, into, 0, into.length),
                als.threads());
        Metrics popularityMetrics =
                Metrics.evaluate(split, PopularityBaseline.fit(split.train()).scorer(), als.threads());
        return new Report(
                ratings.users(),
                ratings.items(),
                ratings.toMatrix().nonZeros(),
                split.train().nonZeros(),
                modelMetrics,
                popularityMetrics,
                trainingMillis);
    }
}
