package dev.reel.gateway.chaos;

import dev.reel.resilience.ChaosFault;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * One ChAP experiment's mutable state: its signed fault, its two cohorts' counters and how it ended. Counters are
 * updated concurrently by requests; {@link ChaosLab} changes the state under its own lock.
 */
final class Trial {

    final String id;
    final ChaosFault fault;
    final String signedFault;
    final double traffic;
    final int trafficPercent;
    final int marginPercent;
    final int minStarts;
    final Instant startedAt;
    final Instant endsAt;
    final Counters control = new Counters();
    final Counters experiment = new Counters();

    private volatile Experiment.State state = Experiment.State.RUNNING;
    private volatile @Nullable String reason;
    private volatile @Nullable Instant endedAt;

    Trial(
            ChaosFault fault,
            String signedFault,
            int trafficPercent,
            int marginPercent,
            int minStarts,
            Instant startedAt) {
        this.id = fault.id();
        this.fault = fault;
        this.signedFault = signedFault;
        this.traffic = trafficPercent / 100.0;
        this.trafficPercent = trafficPercent;
        this.marginPercent = marginPercent;
        this.minStarts = minStarts;
        this.startedAt = startedAt;
        this.endsAt = fault.until();
    }

    boolean running() {
        return state == Experiment.State.RUNNING;
    }

    void end(Experiment.State how, String why, Instant at) {
        this.reason = why;
        this.endedAt = at;
        this.state = how;
    }

    Experiment view(Instant now) {
        Instant end = endedAt;
        double seconds = Math.max(
                1.0, Duration.between(startedAt, end == null ? now : end).toMillis() / 1000.0);
        return new Experiment(
                id,
                fault.target(),
                fault.kind().label(),
                fault.latencyMillis(),
                fault.percent(),
                trafficPercent,
                marginPercent,
                minStarts,
                state,
                reason,
                startedAt,
                endsAt,
                end,
                control.view(seconds),
                experiment.view(seconds));
    }

    /** One cohort's counters. */
    static final class Counters {

        private final Set<String> accounts = ConcurrentHashMap.newKeySet();
        final LongAdder starts = new LongAdder();
        final LongAdder failedStarts = new LongAdder();
        final LongAdder rejectedStarts = new LongAdder();
        final LongAdder requests = new LongAdder();
        final LongAdder errors = new LongAdder();

        void seen(String account) {
            accounts.add(account);
        }

        ExperimentVerdict.Figures figures() {
            return new ExperimentVerdict.Figures(accounts.size(), starts.sum(), failedStarts.sum());
        }

        Cohort view(double seconds) {
            long requestCount = requests.sum();
            long errorCount = errors.sum();
            return new Cohort(
                    accounts.size(),
                    starts.sum(),
                    failedStarts.sum(),
                    rejectedStarts.sum(),
                    starts.sum() / seconds,
                    requestCount,
                    errorCount,
                    requestCount == 0 ? 0 : (double) errorCount / requestCount);
        }
    }
}
