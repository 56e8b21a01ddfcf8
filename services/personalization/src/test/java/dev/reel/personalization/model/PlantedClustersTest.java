package dev.reel.personalization.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.recs.AlsModel;
import dev.reel.recs.ImplicitAls;
import dev.reel.recs.InteractionMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The settings the service trains with separate two planted taste clusters on a small matrix. */
class PlantedClustersTest {

    @Test
    void topPicksComeFromTheUsersCluster() {
        int users = 60;
        int items = 24;
        var random = new Random(42);
        var builder = InteractionMatrix.builder(users, items);
        for (int u = 0; u < users; u++) {
            int base = u % 2 == 0 ? 0 : 12;
            for (int k = 0; k < 8; k++) {
                builder.add(u, base + random.nextInt(12), 0.95f);
            }
        }
        AlsModel model = ImplicitAls.builder().factors(8).iterations(8).build().train(builder.build());
        int fromCluster = 0;
        int total = 0;
        for (int u = 0; u < users; u++) {
            int base = u % 2 == 0 ? 0 : 12;
            for (int item : model.recommend(model.userVector(u), 3, i -> false)) {
                total++;
                if (item >= base && item < base + 12) {
                    fromCluster++;
                }
            }
        }
        System.out.printf("planted clusters: %d of %d top-3 picks from the user's cluster%n", fromCluster, total);
        assertThat(fromCluster).isGreaterThan(total * 9 / 10);
    }
}
