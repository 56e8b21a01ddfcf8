package dev.reel.steering.popularity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecayTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private final Decay decay = Decay.withHalfLife(Duration.ofHours(24));

    @Test
    void aViewCountsHalfAfterOneHalfLife() {
        DecayedScore score = decay.add(null, T0, 1);
        assertThat(decay.scoreAt(score, T0)).isEqualTo(1);
        assertThat(decay.scoreAt(score, T0.plus(Duration.ofHours(24)))).isCloseTo(0.5, within(1e-12));
        assertThat(decay.scoreAt(score, T0.plus(Duration.ofHours(48)))).isCloseTo(0.25, within(1e-12));
        // Never grows backwards.
        assertThat(decay.scoreAt(score, T0.minusSeconds(3600))).isEqualTo(1);
    }

    @Test
    void eventsOutOfOrderGiveTheSameScore() {
        Instant a = T0;
        Instant b = T0.plus(Duration.ofHours(6));
        Instant c = T0.plus(Duration.ofHours(30));
        DecayedScore inOrder = decay.add(decay.add(decay.add(null, a, 1), b, 1), c, 2);
        DecayedScore shuffled = decay.add(decay.add(decay.add(null, c, 2), a, 1), b, 1);
        assertThat(shuffled.asOf()).isEqualTo(c);
        assertThat(shuffled.score()).isCloseTo(inOrder.score(), within(1e-12));
        assertThat(inOrder.score()).isCloseTo(2 + Math.pow(2, -1.25) + Math.pow(2, -1), within(1e-12));
    }

    @Test
    void aSteadyRateIsPredictedBack() {
        // One view an hour for ten half-lives: the score converges to r/λ and the prediction to 24 a day.
        DecayedScore score = null;
        Instant t = T0;
        for (int i = 0; i < 240; i++) {
            score = decay.add(score, t, 1);
            t = t.plus(Duration.ofHours(1));
        }
        double predicted = decay.predicted(score, t, Duration.ofHours(24));
        assertThat(predicted).isCloseTo(24, within(0.5));
    }

    @Test
    void aFadingTitleFallsBehindARisingOne() {
        DecayedScore old = null;
        for (int i = 0; i < 100; i++) {
            old = decay.add(old, T0.minus(Duration.ofDays(5)).plusSeconds(i), 1);
        }
        DecayedScore fresh = null;
        for (int i = 0; i < 10; i++) {
            fresh = decay.add(fresh, T0.minus(Duration.ofHours(2)).plusSeconds(i), 1);
        }
        assertThat(decay.predicted(fresh, T0, Duration.ofDays(1)))
                .isGreaterThan(decay.predicted(old, T0, Duration.ofDays(1)));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> Decay.withHalfLife(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decay.add(null, T0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecayedScore(Double.NaN, T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
