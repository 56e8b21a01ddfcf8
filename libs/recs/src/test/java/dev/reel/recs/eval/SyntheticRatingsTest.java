package dev.reel.recs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyntheticRatingsTest {

    @Test
    void theSameSeedGivesTheSameDataAndTheTargetSize() {
        SyntheticRatings one = SyntheticRatings.builder()
                .users(200)
                .items(150)
                .clusters(4)
                .interactions(5_000)
                .build();
        SyntheticRatings two = SyntheticRatings.builder()
                .users(200)
                .items(150)
                .clusters(4)
                .interactions(5_000)
                .build();

        assertThat(one.ratings().size()).isEqualTo(5_000);
        assertThat(one.ratings().users()).isEqualTo(200);
        for (int k = 0; k < one.ratings().size(); k++) {
            assertThat(two.ratings().item(k)).isEqualTo(one.ratings().item(k));
            assertThat(two.ratings().timestamp(k)).isEqualTo(one.ratings().timestamp(k));
        }
    }

    @Test
    void mostInteractionsFallInTheUsersClusterAndEachUsersItemsAreDistinct() {
        SyntheticRatings synthetic = SyntheticRatings.builder()
                .users(300)
                .items(200)
                .clusters(5)
                .interactions(6_000)
                .inClusterShare(0.8)
                .build();
        Ratings ratings = synthetic.ratings();

        int own = 0;
        for (int k = 0; k < ratings.size(); k++) {
            if (synthetic.itemCluster(ratings.item(k)) == synthetic.userCluster(ratings.user(k))) {
                own++;
            }
        }

        // 0.8 drawn from the own cluster, plus a fifth of the other 0.2 by chance.
        assertThat(own / (double) ratings.size()).isBetween(0.78, 0.88);
        assertThat(ratings.toMatrix().nonZeros()).isEqualTo(ratings.size());
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> SyntheticRatings.builder().inClusterShare(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> SyntheticRatings.builder().items(10).clusters(11).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        SyntheticRatings.builder().users(100).interactions(150).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
