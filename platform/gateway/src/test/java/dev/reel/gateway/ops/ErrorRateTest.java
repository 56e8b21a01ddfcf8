package dev.reel.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorRateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ErrorRate rate = new ErrorRate(Duration.ofSeconds(30), 20);

    @Test
    void isTheShareOfErrorsSinceTheNewestSnapshotAtLeastAWindowOld() {
        assertThat(rate.record(T0, counters(1000, 500))).isNull();
        assertThat(rate.record(T0.plusSeconds(10), counters(1100, 501))).isCloseTo(0.01, within(1e-9));
        // T0 is more than a window before T0 + 40 s: the base is the newest snapshot at least a window old.
        assertThat(rate.record(T0.plusSeconds(40), counters(1200, 501))).isCloseTo(0.0, within(1e-9));
        assertThat(rate.record(T0.plusSeconds(45), counters(1300, 503))).isCloseTo(0.01, within(1e-9));
        assertThat(rate.record(T0.plusSeconds(75), counters(1400, 513))).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void needsEnoughRequestsAndStartsAgainWhenCountersGoBack() {
        rate.record(T0, counters(100, 0));
        assertThat(rate.record(T0.plusSeconds(2), counters(110, 5)))
                .as("10 requests are too few")
                .isNull();
        // An instance restarted: the platform's totals dropped.
        assertThat(rate.record(T0.plusSeconds(4), counters(50, 0))).isNull();
        assertThat(rate.record(T0.plusSeconds(6), counters(90, 4))).isCloseTo(0.1, within(1e-9));
    }

    private static RequestCounters counters(long count, long errors) {
        return new RequestCounters(count, Map.of("2xx", count - errors, "5xx", errors), 0, List.of());
    }
}
