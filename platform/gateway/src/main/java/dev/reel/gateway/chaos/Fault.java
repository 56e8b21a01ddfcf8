package dev.reel.gateway.chaos;

import java.time.Instant;

/**
 * A fault applied to every request the gateway forwards, as {@code GET /api/v1/chaos} shows it.
 *
 * @param fault {@code latency} or {@code errors}
 * @param latencyMs the added delay, 0 for errors
 * @param percent the share of the target's requests hit
 */
public record Fault(
        String id, String target, String fault, int latencyMs, int percent, Instant startedAt, Instant endsAt) {}
