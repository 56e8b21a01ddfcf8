package dev.reel.personalization.artwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ThompsonSamplingTest {

    @Test
    void theSameSeedGivesTheSameChoice() {
        List<ThompsonSampling.Arm> arms = List.of(new ThompsonSampling.Arm(10, 2), new ThompsonSampling.Arm(10, 3));
        long seed = ThompsonSampling.seed(UUID.randomUUID(), UUID.randomUUID(), 490_000);
        assertThat(ThompsonSampling.choose(arms, seed)).isEqualTo(ThompsonSampling.choose(arms, seed));
    }

    @Test
    void withoutEvidenceArmsAreChosenAboutEvenly() {
        List<ThompsonSampling.Arm> arms = List.of(ThompsonSampling.Arm.NONE, ThompsonSampling.Arm.NONE);
        int first = 0;
        for (int i = 0; i < 2_000; i++) {
            if (ThompsonSampling.choose(arms, ThompsonSampling.seed(UUID.randomUUID(), UUID.randomUUID(), i)) == 0) {
                first++;
            }
        }
        assertThat(first).isBetween(850, 1_150);
    }

    @Test
    void clicksMoveTheChoiceTowardsTheClickedArm() {
        List<ThompsonSampling.Arm> arms = List.of(new ThompsonSampling.Arm(200, 4), new ThompsonSampling.Arm(200, 40));
        int clicked = 0;
        for (int i = 0; i < 1_000; i++) {
            if (ThompsonSampling.choose(arms, ThompsonSampling.seed(UUID.randomUUID(), UUID.randomUUID(), i)) == 1) {
                clicked++;
            }
        }
        assertThat(clicked).isGreaterThan(990);
    }

    @Test
    void betaDrawsHaveTheRightMean() {
        var random = new java.util.SplittableRandom(7);
        double sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += ThompsonSampling.beta(3, 7, random);
        }
        assertThat(sum / 20_000).isBetween(0.29, 0.31);
    }
}
