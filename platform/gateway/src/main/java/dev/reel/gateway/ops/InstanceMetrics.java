package dev.reel.gateway.ops;

import dev.reel.gateway.ops.PrometheusText.Sample;
import dev.reel.gateway.ops.RequestCounters.Bucket;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the overview takes from one instance's Prometheus text.
 *
 * @param requests its {@code http.server.requests} counters, without the actuator's own endpoints (the overview's
 *     polling would otherwise dominate them)
 * @param streamStarts successful {@code POST /api/v1/playback/sessions} (201), cumulative
 * @param breakers its Resilience4j circuit breakers, by name, with their current state ({@code closed}, {@code open},
 *     {@code half_open}, {@code forced_open}, {@code disabled} or {@code metrics_only})
 */
record InstanceMetrics(RequestCounters requests, long streamStarts, Map<String, String> breakers) {

    static final InstanceMetrics NONE = new InstanceMetrics(RequestCounters.NONE, 0, Map.of());

    private static final String REQUESTS = "http_server_requests_seconds";
    private static final String BREAKER_STATE = "resilience4j_circuitbreaker_state";
    private static final String SESSIONS_URI = "/api/v1/playback/sessions";

    InstanceMetrics {
        breakers = Map.copyOf(breakers);
    }

    /**
     * Reads the metrics the overview needs from Prometheus text.
     *
     * @throws IllegalArgumentException if a line of one of those metrics is malformed
     */
    static InstanceMetrics parse(String prometheusText) {
        List<Sample> samples = PrometheusText.parse(
                prometheusText, name -> name.startsWith(REQUESTS + "_") || name.equals(BREAKER_STATE));
        long count = 0;
        double sum = 0;
        long streamStarts = 0;
        Map<String, Long> byStatusClass = new TreeMap<>();
        TreeMap<Double, Long> buckets = new TreeMap<>();
        Map<String, String> breakers = new TreeMap<>();
        for (Sample sample : samples) {
            if (sample.name().equals(BREAKER_STATE)) {
                if (sample.value() >= 1) {
                    breakers.put(sample.label("name"), sample.label("state"));
                }
                continue;
            }
            if (sample.label("uri").startsWith("/actuator")) {
                continue;
            }
            long n = Math.round(sample.value());
            switch (sample.name().substring(REQUESTS.length())) {
                case "_count" -> {
                    count += n;
                    byStatusClass.merge(statusClass(sample.label("status")), n, Long::sum);
                    if (isStreamStart(sample)) {
                        streamStarts += n;
                    }
                }
                case "_sum" -> sum += sample.value();
                case "_bucket" -> {
                    double le = Double.parseDouble(sample.label("le").replace("+Inf", "Infinity"));
                    if (Double.isFinite(le)) {
                        buckets.merge(le, n, Long::sum);
                    }
                }
                default -> {
                    // _max and other companions carry nothing the overview adds up.
                }
            }
        }
        List<Bucket> histogram = buckets.entrySet().stream()
                .map(e -> new Bucket(e.getKey(), e.getValue()))
                .toList();
        return new InstanceMetrics(new RequestCounters(count, byStatusClass, sum, histogram), streamStarts, breakers);
    }

    private static boolean isStreamStart(Sample sample) {
        return sample.label("method").equals("POST")
                && sample.label("uri").equals(SESSIONS_URI)
                && sample.label("status").equals("201");
    }

    private static String statusClass(String status) {
        return status.length() == 3 && Character.isDigit(status.charAt(0)) ? status.charAt(0) + "xx" : "other";
    }
}
