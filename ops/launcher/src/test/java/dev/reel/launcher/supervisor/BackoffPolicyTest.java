package dev.reel.launcher.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    private final BackoffPolicy policy = BackoffPolicy.DEFAULT;

    @Test
    void doublesFromOneSecondUpToThirty() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(policy::delay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(policy.delay(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void rejectsAStreakBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> policy.delay(0));
    }

    @Test
    void crashesInARowBackOffFurther() {
        var backoff = new RestartBackoff(policy);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(backoff.onExit(null, now)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.onExit(now, now.plusSeconds(10))).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.onExit(null, now.plusSeconds(20))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void sixtySecondsHealthyResetsTheStreak() {
        var backoff = new RestartBackoff(policy);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        backoff.onExit(null, now);
        backoff.onExit(null, now);
        assertThat(backoff.onExit(null, now)).isEqualTo(Duration.ofSeconds(4));

        Instant healthy = now.plusSeconds(5);
        assertThat(backoff.onExit(healthy, healthy.plusSeconds(59))).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.onExit(healthy, healthy.plusSeconds(60))).isEqualTo(Duration.ofSeconds(1));
    }
}
