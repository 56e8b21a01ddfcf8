package dev.reel.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void retriesAreBoundedByAShareOfRequestsPlusAReservePerSecond() {
        RetryBudget budget = new RetryBudget(0.1, 2, now::get);
        for (int i = 0; i < 50; i++) {
            budget.onRequest();
        }
        int retries = 0;
        while (budget.tryRetry()) {
            retries++;
        }
        assertThat(retries).isEqualTo(2 + 5);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(budget.tryRetry()).isTrue();
        assertThat(budget.tryRetry()).isTrue();
        assertThat(budget.tryRetry()).isFalse();
    }

    @Test
    void backoffHonoursRetryAfterAndGrowsWithJitterUpToTheCap() {
        Duration max = Duration.ofSeconds(2);
        assertThat(RetryBudget.backoff(1, Duration.ofMillis(100), max, Duration.ofSeconds(1)))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryBudget.backoff(1, Duration.ofMillis(100), max, Duration.ofSeconds(30)))
                .isEqualTo(max);
        for (int i = 0; i < 100; i++) {
            assertThat(RetryBudget.backoff(3, Duration.ofMillis(100), max, null))
                    .isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(RetryBudget.backoff(10, Duration.ofMillis(100), max, null))
                    .isBetween(Duration.ofSeconds(1), max);
        }
    }
}
