package dev.reel.gateway.chaos;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/chaos/faults}; absent members take their defaults.
 *
 * @param target the service name, as in discovery
 * @param fault {@code latency} or {@code errors}
 * @param latencyMs 1..60000 for latency, absent or 0 for errors
 * @param percent 1..100, default 100
 * @param durationSeconds 1..3600, default 600
 */
public record FaultRequest(
        @Nullable String target,
        @Nullable String fault,
        @Nullable Integer latencyMs,
        @Nullable Integer percent,
        @Nullable Integer durationSeconds) {}
