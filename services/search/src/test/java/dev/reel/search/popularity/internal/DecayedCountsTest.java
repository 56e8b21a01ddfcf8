package dev.reel.search.popularity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecayedCountsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private final UUID title = UUID.randomUUID();

    @Test
    void aStartCountsOneNowAndHalfAHalfLifeLater() {
        var counts = new DecayedCounts(Duration.ofDays(7), 100);
        counts.started(UUID.randomUUID(), title, T0);

        assertThat(counts.of(title, T0)).isEqualTo(1.0);
        assertThat(counts.of(title, T0.plus(Duration.ofDays(7)))).isCloseTo(0.5, within(1e-9));
        assertThat(counts.of(title, T0.plus(Duration.ofDays(14)))).isCloseTo(0.25, within(1e-9));
        assertThat(counts.of(UUID.randomUUID(), T0)).isZero();
    }

    @Test
    void startsInAnyOrderGiveTheSameScore() {
        var inOrder = new DecayedCounts(Duration.ofDays(7), 100);
        var reversed = new DecayedCounts(Duration.ofDays(7), 100);
        Instant a = T0;
        Instant b = T0.plus(Duration.ofDays(3));
        Instant c = T0.plus(Duration.ofDays(9));
        inOrder.started(UUID.randomUUID(), title, a);
        inOrder.started(UUID.randomUUID(), title, b);
        inOrder.started(UUID.randomUUID(), title, c);
        reversed.started(UUID.randomUUID(), title, c);
        reversed.started(UUID.randomUUID(), title, b);
        reversed.started(UUID.randomUUID(), title, a);

        Instant now = T0.plus(Duration.ofDays(10));
        double expected = Math.pow(0.5, 10 / 7.0) + Math.pow(0.5, 7 / 7.0) + Math.pow(0.5, 1 / 7.0);
        assertThat(inOrder.of(title, now)).isCloseTo(expected, within(1e-9));
        assertThat(reversed.of(title, now)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void aRedeliveredStartCountsOnce() {
        var counts = new DecayedCounts(Duration.ofDays(7), 2);
        UUID event = UUID.randomUUID();

        assertThat(counts.started(event, title, T0)).isTrue();
        assertThat(counts.started(event, title, T0)).isFalse();
        assertThat(counts.of(title, T0)).isEqualTo(1.0);
        assertThat(counts.titles()).isEqualTo(1);
    }

    @Test
    void theHalfLifeMustBePositive() {
        assertThatThrownBy(() -> new DecayedCounts(Duration.ZERO, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
