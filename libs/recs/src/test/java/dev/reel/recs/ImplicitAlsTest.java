package dev.reel.recs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.recs.eval.PopularityBaseline;
import dev.reel.recs.eval.SyntheticRatings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImplicitAlsTest {

    private static SyntheticRatings planted;
    private static InteractionMatrix matrix;

    @BeforeAll
    static void generate() {
        planted = SyntheticRatings.builder()
                .users(300)
                .items(200)
                .clusters(5)
                .interactions(6_000)
                .seed(7)
                .build();
        matrix = planted.ratings().toMatrix();
    }

    @Test
    void conjugateGradientWithFactorsStepsMatchesTheDirectSolve() {
        // With as many CG steps as factors, each user's solve is exact: it must agree with the Cholesky fold-in,
        // which solves the same normal equations directly against the same (final) item vectors.
        AlsModel model = ImplicitAls.builder()
                .factors(16)
                .iterations(2)
                .cgSteps(16)
                .threads(1)
                .build()
                .train(matrix);

        for (int user = 0; user < matrix.users(); user++) {
            float[] direct = model.foldIn(matrix.itemsOf(user), matrix.strengthsOf(user));
            assertThat(relativeError(model.userVector(user), direct))
                    .as("user %d", user)
                    .isLessThan(5e-3);
        }
    }

    @Test
    void foldInOfATrainedUserIsCloseToTheirTrainedVector() {
        AlsModel model = ImplicitAls.builder().factors(32).threads(2).build().train(matrix);

        for (int user = 0; user < matrix.users(); user++) {
            float[] folded = model.foldIn(matrix.itemsOf(user), matrix.strengthsOf(user));
            assertThat(cosine(folded, model.userVector(user)))
                    .as("user %d", user)
                    .isGreaterThan(0.99);
        }
    }

    @Test
    void topPicksComeFromTheUsersOwnClusterFarMoreOftenThanPopularitys() {
        AlsModel model = ImplicitAls.builder().factors(32).threads(2).build().train(matrix);
        float[] popularity = PopularityBaseline.fit(matrix).scores();

        double modelShare = 0;
        double popularityShare = 0;
        for (int user = 0; user < matrix.users(); user++) {
            int person = user;
            int[] picks = model.recommend(model.userVector(user), 10, item -> matrix.contains(person, item));
            TopN top = new TopN(10);
            for (int item = 0; item < popularity.length; item++) {
                if (!matrix.contains(person, item)) {
                    top.offer(item, popularity[item]);
                }
            }
            int[] popular = top.sorted();
            modelShare += ownClusterShare(user, picks);
            popularityShare += ownClusterShare(user, popular);
        }
        modelShare /= matrix.users();
        popularityShare /= matrix.users();

        assertThat(modelShare).isGreaterThan(0.6);
        assertThat(modelShare).isGreaterThan(2.5 * popularityShare);
    }

    @Test
    void theSameSeedGivesTheSameModelWhateverTheThreadCount() {
        byte[] one = ImplicitAls.builder()
                .factors(8)
                .iterations(3)
                .threads(1)
                .build()
                .train(matrix)
                .toBytes();
        byte[] two = ImplicitAls.builder()
                .factors(8)
                .iterations(3)
                .threads(2)
                .build()
                .train(matrix)
                .toBytes();

        assertThat(two).isEqualTo(one);
    }

    @Test
    void trainsAnEmptyMatrix() {
        AlsModel model = ImplicitAls.builder()
                .factors(4)
                .build()
                .train(InteractionMatrix.builder(0, 0).build());

        assertThat(model.users()).isZero();
        assertThat(model.items()).isZero();
    }

    @Test
    void theBuilderValidatesEverySetting() {
        ImplicitAls.Builder builder = ImplicitAls.builder();

        assertThatThrownBy(() -> builder.factors(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.regularization(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.alpha(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.iterations(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.cgSteps(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.threads(0)).isInstanceOf(IllegalArgumentException.class);
        ImplicitAls defaults = ImplicitAls.builder().build();
        assertThat(defaults.factors()).isEqualTo(64);
        assertThat(defaults.regularization()).isEqualTo(0.1f);
        assertThat(defaults.alpha()).isEqualTo(10f);
        assertThat(defaults.iterations()).isEqualTo(10);
        assertThat(defaults.cgSteps()).isEqualTo(3);
        assertThat(defaults.seed()).isEqualTo(42);
    }

    private static double ownClusterShare(int user, int[] items) {
        int own = 0;
        for (int item : items) {
            if (planted.itemCluster(item) == planted.userCluster(user)) {
                own++;
            }
        }
        return items.length == 0 ? 0 : own / (double) items.length;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static double relativeError(float[] actual, float[] expected) {
        double error = 0;
        double norm = 0;
        for (int k = 0; k < actual.length; k++) {
            error += (actual[k] - expected[k]) * (actual[k] - expected[k]);
            norm += expected[k] * expected[k];
        }
        return Math.sqrt(error / norm);
    }
}
