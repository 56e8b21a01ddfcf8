package dev.reel.identity.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(15));

    @Test
    void noLockBelowTheThreshold() {
        for (int failures = 0; failures < 5; failures++) {
            assertThat(policy.lockAfter(failures)).isZero();
        }
    }

    @Test
    void fifthFailureLocksForOneMinuteAndEachFurtherFailureDoubles() {
        assertThat(policy.lockAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.lockAfter(6)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.lockAfter(7)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.lockAfter(8)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void lockIsCappedAtTheMaximum() {
        assertThat(policy.lockAfter(9)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.lockAfter(100)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.lockAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void rejectsNonsense() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LockoutPolicy(0, Duration.ofMinutes(1), Duration.ofMinutes(15)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LockoutPolicy(5, Duration.ZERO, Duration.ofMinutes(15)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LockoutPolicy(5, Duration.ofMinutes(2), Duration.ofMinutes(1)));
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        assertThat(LoginThrottle.retryAfter(now, now.plusMillis(59_001))).isEqualTo(Duration.ofSeconds(60));
        assertThat(LoginThrottle.retryAfter(now, now.plusSeconds(60))).isEqualTo(Duration.ofSeconds(60));
        assertThat(LoginThrottle.retryAfter(now, now.plusMillis(10))).isEqualTo(Duration.ofSeconds(1));
    }
}
