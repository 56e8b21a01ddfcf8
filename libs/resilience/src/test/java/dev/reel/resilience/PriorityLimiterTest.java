package dev.reel.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.FixedLimit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriorityLimiterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PriorityLimiter limiter =
            PriorityLimiter.newBuilder("test", meters).limit(FixedLimit.of(10)).build();

    @Test
    void shedsBestEffortFirstThenDegradedAndCriticalOnlyAtTheWholeLimit() {
        List<Limiter.Listener> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(limiter.acquire(Criticality.BEST_EFFORT).orElseThrow());
        }
        assertThat(limiter.acquire(Criticality.BEST_EFFORT)).isEmpty();

        for (int i = 0; i < 3; i++) {
            held.add(limiter.acquire(Criticality.DEGRADED).orElseThrow());
        }
        assertThat(limiter.acquire(Criticality.DEGRADED)).isEmpty();

        held.add(limiter.acquire(Criticality.CRITICAL).orElseThrow());
        held.add(limiter.acquire(Criticality.CRITICAL).orElseThrow());
        assertThat(limiter.acquire(Criticality.CRITICAL)).isEmpty();

        held.removeFirst().onSuccess();
        assertThat(limiter.acquire(Criticality.BEST_EFFORT)).isEmpty();
        Optional<Limiter.Listener> critical = limiter.acquire(Criticality.CRITICAL);
        assertThat(critical).isPresent();
        assertThat(meters.get("reel.shedding.requests")
                        .tag("criticality", "best-effort")
                        .tag("outcome", "shed")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(meters.get("reel.shedding.inflight").gauge().value()).isEqualTo(10);
    }

    @Test
    void aBusyCpuShedsBestEffortOnlyAndMoreOfItAsTheLoadRises() {
        double[] cpu = {0.7};
        PriorityLimiter busy = PriorityLimiter.newBuilder("cpu", meters)
                .limit(FixedLimit.of(1000))
                .cpuShedding(() -> cpu[0])
                .build();
        assertThat(admittedOf(busy, Criticality.BEST_EFFORT)).isEqualTo(200);
        cpu[0] = 0.85;
        assertThat(admittedOf(busy, Criticality.BEST_EFFORT)).isBetween(60, 140);
        cpu[0] = 0.96;
        assertThat(admittedOf(busy, Criticality.BEST_EFFORT)).isZero();
        assertThat(admittedOf(busy, Criticality.DEGRADED)).isEqualTo(200);
        assertThat(admittedOf(busy, Criticality.CRITICAL)).isEqualTo(200);
        assertThat(meters.get("reel.shedding.cpu").gauge().value()).isEqualTo(0.96);
    }

    private static int admittedOf(PriorityLimiter limiter, Criticality criticality) {
        int admitted = 0;
        for (int i = 0; i < 200; i++) {
            Optional<Limiter.Listener> listener = limiter.acquire(criticality);
            if (listener.isPresent()) {
                admitted++;
                listener.get().onIgnore();
            }
        }
        return admitted;
    }

    @Test
    void releasedRequestsFreeTheirPlaces() {
        for (int i = 0; i < 100; i++) {
            limiter.acquire(Criticality.BEST_EFFORT).orElseThrow().onSuccess();
        }
        assertThat(limiter.getInflight()).isZero();
    }

    @Test
    void unknownOrMissingHeadersFallBack() {
        assertThat(Criticality.parse("Best_Effort", Criticality.CRITICAL)).isEqualTo(Criticality.BEST_EFFORT);
        assertThat(Criticality.parse("urgent", Criticality.DEGRADED)).isEqualTo(Criticality.DEGRADED);
        assertThat(Criticality.parse(null, Criticality.DEGRADED)).isEqualTo(Criticality.DEGRADED);
    }
}
