package dev.reel.gateway.ops;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cumulative counters of served HTTP requests, as Micrometer's {@code http.server.requests} timer publishes them:
 * they only grow while a process lives and start again from zero when it restarts. Rates and percentiles come from
 * the difference between two snapshots.
 *
 * @param count requests answered
 * @param byStatusClass requests by status class ({@code 2xx}, {@code 4xx}, {@code 5xx}, ...)
 * @param sumSeconds total time spent answering them
 * @param buckets the latency histogram, cumulative as in Prometheus (each bucket counts the requests that took at
 *     most {@code le} seconds), ascending, without the {@code +Inf} bucket (which is {@code count}); empty when the
 *     services publish no histogram
 */
record RequestCounters(long count, Map<String, Long> byStatusClass, double sumSeconds, List<Bucket> buckets) {

    static final RequestCounters NONE = new RequestCounters(0, Map.of(), 0, List.of());

    RequestCounters {
        byStatusClass = Map.copyOf(byStatusClass);
        buckets = List.copyOf(buckets);
    }

    /**
     * One cumulative histogram bucket.
     *
     * @param le upper bound in seconds
     * @param count requests that took at most {@code le}
     */
    record Bucket(double le, long count) {}

    /** Requests answered with a 5xx status. */
    long serverErrors() {
        return byStatusClass.getOrDefault("5xx", 0L);
    }

    /**
     * The sum of two sets of counters. Buckets are added by bound; a bound only one side publishes keeps that side's
     * count, so sums are exact when every instance uses the same bounds (Micrometer's defaults, or one shared SLO list).
     */
    RequestCounters plus(RequestCounters other) {
        Map<String, Long> classes = new TreeMap<>(byStatusClass);
        other.byStatusClass.forEach((statusClass, n) -> classes.merge(statusClass, n, Long::sum));
        TreeMap<Double, Long> bounds = new TreeMap<>();
        buckets.forEach(b -> bounds.merge(b.le(), b.count(), Long::sum));
        other.buckets.forEach(b -> bounds.merge(b.le(), b.count(), Long::sum));
        return new RequestCounters(
                count + other.count,
                classes,
                sumSeconds + other.sumSeconds,
                bounds.entrySet().stream()
                        .map(e -> new Bucket(e.getKey(), e.getValue()))
                        .toList());
    }
}
