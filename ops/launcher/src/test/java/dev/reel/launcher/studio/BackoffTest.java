package dev.reel.launcher.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleUpToTheCap() {
        var backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3), 5);
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.delay(60)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void onlyTheGivenNumberOfFailuresIsRetried() {
        var backoff = new Backoff(Duration.ZERO, Duration.ZERO, 2);
        assertThat(backoff.retries(2)).isTrue();
        assertThat(backoff.retries(3)).isFalse();
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
