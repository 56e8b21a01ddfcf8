package dev.reel.gateway.ops;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * A real Micrometer Prometheus registry shaped like a Reel service's: {@code http.server.requests} timers with the
 * tags Spring publishes (and latency buckets when asked), and Resilience4j circuit breakers bound the way Spring Cloud
 * CircuitBreaker binds them. Its {@link #scrape()} is the text a service's {@code /actuator/prometheus} answers.
 */
final class MicrometerPage {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final boolean histogram;

    MicrometerPage(boolean histogram) {
        this.histogram = histogram;
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
    }

    /** Records {@code times} requests of {@code latency} each. */
    MicrometerPage requests(String method, String uri, int status, int times, Duration latency) {
        Timer.Builder builder = Timer.builder("http.server.requests")
                .tag("method", method)
                .tag("uri", uri)
                .tag("status", String.valueOf(status))
                .tag("outcome", status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR" : "SUCCESS")
                .tag("exception", "none")
                .tag("error", "none");
        if (histogram) {
            builder = builder.serviceLevelObjectives(
                    Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500));
        }
        Timer timer = builder.register(registry);
        for (int i = 0; i < times; i++) {
            timer.record(latency);
        }
        return this;
    }

    /** Creates circuit breaker {@code name}, open when {@code open}. */
    MicrometerPage breaker(String name, boolean open) {
        var breaker = breakers.circuitBreaker(name);
        if (open) {
            breaker.transitionToOpenState();
        }
        return this;
    }

    String scrape() {
        return registry.scrape();
    }
}
