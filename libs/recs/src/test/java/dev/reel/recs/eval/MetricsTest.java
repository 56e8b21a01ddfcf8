package dev.reel.recs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void handMadeRanks() {
        Metrics metrics = Metrics.fromRanks(new int[] {0, 1, 9, 10, 19, 20});

        assertThat(metrics.users()).isEqualTo(6);
        assertThat(metrics.hitRate10()).isCloseTo(3 / 6.0, within(1e-12));
        double log2 = Math.log(2);
        assertThat(metrics.ndcg10()).isCloseTo((1 + log2 / Math.log(3) + log2 / Math.log(11)) / 6, within(1e-12));
        assertThat(metrics.recall20()).isCloseTo(5 / 6.0, within(1e-12));
    }

    @Test
    void rankCountsHigherScoresAndEarlierTiesOverTheCandidatesOnly() {
        float[] scores = {0.5f, 0.9f, 0.5f, 0.7f, 0.1f};

        assertThat(Metrics.rank(scores, 2, item -> false)).isEqualTo(3);
        assertThat(Metrics.rank(scores, 2, item -> item == 1)).isEqualTo(2);
        assertThat(Metrics.rank(scores, 0, item -> false)).isEqualTo(2);
        assertThat(Metrics.rank(scores, 1, item -> false)).isZero();
    }

    @Test
    void evaluateExcludesTrainingItemsOverTheFullCatalog() {
        Ratings ratings = Ratings.builder()
                .add("a", "x", 1, 1)
                .add("a", "y", 1, 2)
                .add("b", "y", 1, 1)
                .add("b", "z", 1, 2)
                .build();
        LeaveLastOut split = LeaveLastOut.of(ratings);
        // Items x=0, y=1, z=2. a holds out y, b holds out z; the scorer prefers x, then y, then z.
        Metrics ordered = Metrics.evaluate(
                split,
                (user, into) -> {
                    into[0] = 3;
                    into[1] = 2;
                    into[2] = 1;
                },
                2);

        assertThat(ordered.users()).isEqualTo(2);
        // a: x is in training, so y ranks first; b: x is a candidate, z ranks second.
        assertThat(ordered.hitRate10()).isEqualTo(1.0);
        assertThat(ordered.ndcg10()).isCloseTo((1 + Math.log(2) / Math.log(3)) / 2, within(1e-12));
    }
}
