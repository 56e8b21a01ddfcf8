package dev.reel.resilience;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.AbstractLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * An adaptive concurrency limiter that sheds by {@link Criticality}. The limit comes from a concurrency-limits {@link
 * Limit} (Gradient2 by default: it grows while latency stays at its long-term level and shrinks as queueing raises
 * it); a request is admitted only while the requests in flight are below its class's {@link Criticality#share() share}
 * of that limit. As load rises, best-effort requests are refused first, then degraded ones, and critical ones only
 * once the whole limit is in flight.
 *
 * <p>A limit only sees requests once they are being served. When the CPU itself is the bottleneck (every instance of a
 * small machine busy, or an event-loop server whose queue sits in front of the limiter), requests wait before they
 * are counted and the limit never fills. With {@link Builder#cpuShedding} the limiter also sheds best-effort requests
 * by CPU utilisation, as Netflix's services do: none below {@value #CPU_SHED_FROM} of the CPU, a growing share above
 * it, all of them from {@value #CPU_SHED_ALL}. Degraded and critical requests are never shed for CPU alone.
 *
 * <p>The caller must end every admitted request through its listener: {@code onSuccess} when it completed (its
 * latency feeds the limit), {@code onIgnore} when its latency says nothing about capacity (a long stream, an upload,
 * a 4xx), {@code onDropped} when it timed out or failed from overload.
 *
 * <p>Metrics, tagged {@code limiter=<name>}: gauges {@code reel.shedding.limit} and {@code reel.shedding.inflight}, and
 * the counter {@code reel.shedding.requests} tagged with {@code criticality} and {@code outcome} (admitted, shed);
 * with CPU shedding also the gauge {@code reel.shedding.cpu}.
 */
public final class PriorityLimiter extends AbstractLimiter<Criticality> {

    /** CPU utilisation from which best-effort requests are shed, a growing share as it rises. */
    public static final double CPU_SHED_FROM = 0.75;

    /** CPU utilisation from which every best-effort request is shed. */
    public static final double CPU_SHED_ALL = 0.95;

    private final Map<Criticality, Counter> admitted = new EnumMap<>(Criticality.class);
    private final @Nullable DoubleSupplier cpu;
    private final Map<Criticality, Counter> shed = new EnumMap<>(Criticality.class);

    private PriorityLimiter(Builder builder) {
        super(builder);
        this.cpu = builder.cpu;
        for (Criticality criticality : Criticality.values()) {
            admitted.put(criticality, counter(builder, criticality, "admitted"));
            shed.put(criticality, counter(builder, criticality, "shed"));
        }
        Gauge.builder("reel.shedding.limit", this, PriorityLimiter::getLimit)
                .tag("limiter", builder.limiterName)
                .description("Current adaptive concurrency limit")
                .register(builder.meters);
        Gauge.builder("reel.shedding.inflight", this, PriorityLimiter::getInflight)
                .tag("limiter", builder.limiterName)
                .description("Requests in flight through the limiter")
                .register(builder.meters);
        if (cpu != null) {
            Gauge.builder("reel.shedding.cpu", cpu, DoubleSupplier::getAsDouble)
                    .tag("limiter", builder.limiterName)
                    .description("CPU utilisation the limiter sheds best-effort requests by")
                    .register(builder.meters);
        }
    }

    private static Counter counter(Builder builder, Criticality criticality, String outcome) {
        return Counter.builder("reel.shedding.requests")
                .tag("limiter", builder.limiterName)
                .tag("criticality", criticality.label())
                .tag("outcome", outcome)
                .description("Requests admitted or shed by the priority limiter")
                .register(builder.meters);
    }

    /** A builder with a Gradient2 limit suited to a Reel service; see {@link Builder#limit}. */
    public static Builder newBuilder(String name, MeterRegistry meters) {
        return new Builder(name, meters);
    }

    /** A Gradient2 limit starting at {@code initial}, never below {@code min} nor above {@code max}. */
    public static Limit gradient2(int initial, int min, int max) {
        return Gradient2Limit.newBuilder()
                .initialLimit(initial)
                .minLimit(min)
                .maxConcurrency(max)
                .build();
    }

    /**
     * Admits or sheds one request of class {@code criticality}.
     *
     * @return the listener to end the request with, or empty if it must be shed
     */
    @Override
    public Optional<Limiter.Listener> acquire(Criticality criticality) {
        int allowed = Math.max(1, (int) Math.ceil(getLimit() * criticality.share()));
        if (getInflight() >= allowed || (criticality == Criticality.BEST_EFFORT && shedForCpu())) {
            shed.get(criticality).increment();
            return createRejectedListener();
        }
        admitted.get(criticality).increment();
        return Optional.of(createListener());
    }

    private boolean shedForCpu() {
        if (cpu == null) {
            return false;
        }
        double share = (cpu.getAsDouble() - CPU_SHED_FROM) / (CPU_SHED_ALL - CPU_SHED_FROM);
        return share > 0 && (share >= 1 || ThreadLocalRandom.current().nextDouble() < share);
    }

    /** Builds a {@link PriorityLimiter}; the limit defaults to {@code gradient2(20, 20, 400)}, no CPU shedding. */
    public static final class Builder extends AbstractLimiter.Builder<Builder> {

        private final String limiterName;
        private final MeterRegistry meters;
        private @Nullable DoubleSupplier cpu;

        private Builder(String name, MeterRegistry meters) {
            this.limiterName = name;
            this.meters = meters;
            named(name);
            limit(gradient2(20, 20, 400));
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Also sheds best-effort requests by {@code cpu} (0 to 1), usually {@link CpuLoad#SYSTEM}. */
        public Builder cpuShedding(DoubleSupplier cpu) {
            this.cpu = cpu;
            return this;
        }

        public PriorityLimiter build() {
            return new PriorityLimiter(this);
        }
    }
}
