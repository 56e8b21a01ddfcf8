package dev.reel.gateway.ops;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks one instance, directly (not through the load balancer), for its {@code /actuator/health} and {@code
 * /actuator/prometheus}, each within a time limit. Never fails: an instance that does not answer is reported as such.
 */
final class InstanceProbe {

    /** Health of an instance that refused the connection or did not answer in time. */
    static final String UNREACHABLE = "UNREACHABLE";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType PROMETHEUS_TEXT = MediaType.parseMediaType("text/plain;version=0.0.4");

    private final WebClient client;
    private final Duration timeout;

    /**
     * @param client a plain client (no load-balancer filter) whose in-memory buffer holds a whole Prometheus page
     * @param timeout the limit for each of the two requests
     */
    InstanceProbe(WebClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * What an instance said.
     *
     * @param health the {@code status} of its health document ({@code UP}, {@code DOWN}, {@code OUT_OF_SERVICE},
     *     ...), or {@link #UNREACHABLE}
     * @param metrics its metrics, {@link InstanceMetrics#NONE} if it publishes none or they could not be read
     */
    record Result(String health, InstanceMetrics metrics) {}

    /**
     * Probes {@code base} (e.g. {@code http://127.0.0.1:8400}) with both requests at once.
     *
     * @param authorization sent as the {@code Authorization} header when not {@code null} (for an instance whose
     *     actuator is behind edge security, i.e. the gateway itself)
     */
    Mono<Result> probe(URI base, @Nullable String authorization) {
        return Mono.zip(health(base, authorization), metrics(base, authorization), Result::new);
    }

    private Mono<String> health(URI base, @Nullable String authorization) {
        return request(base, "/actuator/health", authorization)
                .accept(MediaType.APPLICATION_JSON)
                // A DOWN instance answers 503 with the same document: read the status whatever the code.
                .exchangeToMono(response -> response.bodyToMono(String.class)
                        .map(InstanceProbe::status)
                        .defaultIfEmpty(response.statusCode().is2xxSuccessful() ? "UP" : "DOWN"))
                .timeout(timeout)
                .onErrorReturn(UNREACHABLE);
    }

    private Mono<InstanceMetrics> metrics(URI base, @Nullable String authorization) {
        return request(base, "/actuator/prometheus", authorization)
                .accept(PROMETHEUS_TEXT, MediaType.TEXT_PLAIN)
                .retrieve()
                .bodyToMono(String.class)
                // The limit is the instance's; reading the text afterwards is this gateway's work.
                .timeout(timeout)
                .map(InstanceMetrics::parse)
                .onErrorReturn(InstanceMetrics.NONE)
                .defaultIfEmpty(InstanceMetrics.NONE);
    }

    private WebClient.RequestHeadersSpec<?> request(URI base, String path, @Nullable String authorization) {
        WebClient.RequestHeadersSpec<?> request = client.get().uri(base.resolve(path));
        return authorization == null ? request : request.header(HttpHeaders.AUTHORIZATION, authorization);
    }

    private static String status(String body) {
        try {
            JsonNode health = JSON.readTree(body);
            String status = health.path("status").asString("");
            return status.isEmpty() ? "UNKNOWN" : status;
        } catch (RuntimeException e) {
            return "UNKNOWN";
        }
    }
}
