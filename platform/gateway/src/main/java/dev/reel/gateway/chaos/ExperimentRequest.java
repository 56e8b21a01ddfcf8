package dev.reel.gateway.chaos;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/chaos/experiments}; absent members take their defaults.
 *
 * @param target the service name, as in discovery
 * @param fault {@code latency}, {@code errors} or {@code kill}
 * @param latencyMs 1..60000 for latency, absent or 0 otherwise
 * @param percent share of the experiment cohort's requests to the target that are hit, 1..100, default 100
 * @param trafficPercent slice of accounts in each cohort, 1..50, default 5
 * @param durationSeconds 1..3600, default 300
 * @param marginPercent tolerated shortfall against control, 1..100, default 10
 * @param minStarts control starts before any verdict, at least 1, default 20
 */
public record ExperimentRequest(
        @Nullable String target,
        @Nullable String fault,
        @Nullable Integer latencyMs,
        @Nullable Integer percent,
        @Nullable Integer trafficPercent,
        @Nullable Integer durationSeconds,
        @Nullable Integer marginPercent,
        @Nullable Integer minStarts) {}
