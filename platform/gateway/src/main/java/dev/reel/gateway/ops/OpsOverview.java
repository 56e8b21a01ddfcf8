package dev.reel.gateway.ops;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /api/v1/ops/overview}: one snapshot of the platform. Counters are cumulative; a client
 * computes rates from two snapshots and their {@code generatedAt}.
 *
 * @param generatedAt when the instances were asked
 * @param status {@code healthy}, {@code degraded} (an instance down, a circuit breaker open, or the error rate above
 *     the threshold) or {@code down} (a service without a healthy instance)
 * @param reasons why the status is not {@code healthy}, worst first, in words
 * @param services every service, by name, with its instances
 * @param traffic requests of every service but the gateway (which would count each proxied request twice) and the
 *     platform's own (the registry, the config server)
 * @param breakers every circuit breaker of every instance
 * @param edges the Open Connect appliances as steering lists them
 * @param edgesProblem why {@code edges} is empty, if steering could not be asked
 * @param launcher whether the local launcher's view was used (besides discovery)
 */
record OpsOverview(
        Instant generatedAt,
        String status,
        List<String> reasons,
        List<ServiceView> services,
        Traffic traffic,
        List<BreakerView> breakers,
        List<EdgeView> edges,
        @Nullable String edgesProblem,
        boolean launcher) {

    static final String HEALTHY = "healthy";
    static final String DEGRADED = "degraded";
    static final String DOWN = "down";

    /**
     * @param name service id
     * @param status {@code healthy}, {@code degraded} (some instance down) or {@code down} (no instance up)
     * @param instances by zone, then port
     * @param requests the sum of its instances' counters
     */
    record ServiceView(String name, String status, List<InstanceView> instances, RequestCounters requests) {}

    /**
     * @param id discovery's instance id, or {@code <service>-<index>} for an instance only the launcher knows
     * @param zone its zone, from discovery metadata or the launcher
     * @param status {@code up} or {@code down}
     * @param health what its health endpoint said, {@code UNREACHABLE}, or {@code EXITED} when its process is gone
     * @param discovered whether discovery lists it
     * @param pid its process, when the launcher runs it
     * @param restarts how often the launcher restarted it, when the launcher runs it
     * @param problem why it is down, in words
     */
    record InstanceView(
            String id,
            String zone,
            String host,
            int port,
            String status,
            String health,
            boolean discovered,
            @Nullable Long pid,
            @Nullable Integer restarts,
            @Nullable String problem) {

        static final String UP = "up";
        static final String DOWN = "down";

        boolean up() {
            return status.equals(UP);
        }
    }

    /**
     * @param requests the counters of every service but the gateway, the registry and the config server
     * @param streamStarts successful playback session starts, cumulative
     * @param errorRate the share of 5xx answers over the last {@code errorWindowSeconds} as this gateway saw them
     *     change, or {@code null} before it has two snapshots that far apart with enough requests between them
     * @param errorWindowSeconds the span of {@code errorRate}
     */
    record Traffic(
            RequestCounters requests,
            long streamStarts,
            @Nullable Double errorRate,
            long errorWindowSeconds) {}

    /**
     * @param service the service of the instance that holds the breaker
     * @param instance that instance's id
     * @param name the breaker's name (usually the downstream it guards)
     * @param state {@code closed}, {@code open}, {@code half_open}, {@code forced_open}, {@code disabled} or {@code
     *     metrics_only}
     */
    record BreakerView(String service, String instance, String name, String state) {

        boolean open() {
            return state.equals("open") || state.equals("forced_open");
        }
    }

    /**
     * An Open Connect appliance from its last report to steering.
     *
     * @param openConnections connections open at the report (its load)
     * @param throughputBps bytes per second it was sending
     * @param hitRatioBytes share of bytes served from its own disk
     */
    record EdgeView(
            String id,
            String baseUrl,
            @Nullable String region,
            String tier,
            boolean inRotation,
            long openConnections,
            long throughputBps,
            long usedBytes,
            long capacityBytes,
            double hitRatioBytes,
            @Nullable String lastReportAt) {}
}
