package dev.reel.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bucket math, on a hand-driven clock. */
class BucketRateLimiterTest {

    /** The login policy: burst 5, then 10 per minute (one every 6 s). */
    private static final RateLimitPolicy LOGIN = RateLimitPolicy.builder()
            .capacity(5)
            .refill(10, Duration.ofMinutes(1))
            .build();

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private final BucketRateLimiter limiter = BucketRateLimiter.create(LOGIN, 1000, nanos::get);

    @Test
    void allowsTheBurstThenRejectsWithTimeToNextToken() {
        for (int i = 4; i >= 0; i--) {
            RateLimitDecision decision = limiter.tryAcquire("10.0.0.1");
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(i);
        }
        RateLimitDecision rejected = limiter.tryAcquire("10.0.0.1");
        assertThat(rejected.allowed()).isFalse();
        assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void refillsOneTokenEverySixSeconds() {
        drain("10.0.0.1");
        advance(Duration.ofSeconds(4));
        RateLimitDecision early = limiter.tryAcquire("10.0.0.1");
        assertThat(early.allowed()).isFalse();
        assertThat(early.retryAfter()).isEqualTo(Duration.ofSeconds(2));

        advance(Duration.ofSeconds(2));
        assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isFalse();
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        drain("10.0.0.1");
        advance(Duration.ofMillis(5_500));
        assertThat(limiter.tryAcquire("10.0.0.1").retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void neverExceedsCapacityAfterALongRest() {
        drain("10.0.0.1");
        advance(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isTrue();
        }
        assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isFalse();
    }

    @Test
    void keysHaveSeparateBuckets() {
        drain("10.0.0.1");
        assertThat(limiter.tryAcquire("10.0.0.2").allowed()).isTrue();
    }

    @Test
    void sustainedRateMatchesThePolicy() {
        drain("10.0.0.1");
        int allowed = 0;
        for (int second = 0; second < 60; second++) {
            advance(Duration.ofSeconds(1));
            if (limiter.tryAcquire("10.0.0.1").allowed()) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void memoryIsBoundedByMaxKeys() {
        BucketRateLimiter small = BucketRateLimiter.create(LOGIN, 100, nanos::get);
        for (int i = 0; i < 10_000; i++) {
            small.tryAcquire("client-" + i);
        }
        assertThat(small.trackedKeys()).isLessThanOrEqualTo(100);
    }

    @Test
    void idleBucketsAreForgottenOnceTheyWouldBeFullAgain() {
        assertThat(LOGIN.timeToFull()).isEqualTo(Duration.ofMinutes(1));
        drain("10.0.0.1");
        advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(limiter.trackedKeys()).isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isTrue();
        }
    }

    @Test
    void policyRejectsNonsense() {
        assertThatIllegalArgumentException().isThrownBy(() -> RateLimitPolicy.builder()
                .capacity(0)
                .refill(1, Duration.ofSeconds(1))
                .build());
        assertThatIllegalArgumentException().isThrownBy(() -> RateLimitPolicy.builder()
                .capacity(1)
                .refill(0, Duration.ofSeconds(1))
                .build());
        assertThatIllegalArgumentException().isThrownBy(() -> RateLimitPolicy.builder()
                .capacity(1)
                .refill(1, Duration.ZERO)
                .build());
    }

    private void drain(String key) {
        while (limiter.tryAcquire(key).allowed()) {
            // spend the burst
        }
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
