package dev.reel.gateway.ops;

import dev.reel.gateway.ops.OpsOverview.EdgeView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The Open Connect appliances from steering's admin listing ({@code GET /api/v1/cdn/appliances}), asked with the
 * caller's token because steering checks the admin role itself. Never fails: when steering cannot answer, the fleet
 * is empty and says why.
 */
final class EdgeFleet {

    /**
     * The appliances, or why there are none.
     *
     * @param problem {@code null} when steering answered
     */
    record Listing(List<EdgeView> edges, @Nullable String problem) {

        Listing {
            edges = List.copyOf(edges);
        }
    }

    private final WebClient steering;
    private final String uri;
    private final Duration timeout;

    /**
     * @param steering a client that resolves service ids (the load-balanced one in production)
     * @param uri the listing's URI, e.g. {@code http://steering/api/v1/cdn/appliances?size=100}
     */
    EdgeFleet(WebClient steering, String uri, Duration timeout) {
        this.steering = steering;
        this.uri = uri;
        this.timeout = timeout;
    }

    Mono<Listing> list(@Nullable String authorization) {
        WebClient.RequestHeadersSpec<?> request = steering.get().uri(uri);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(timeout)
                .map(page -> new Listing(edges(page.path("items")), null))
                .onErrorResume(e -> Mono.just(new Listing(List.of(), problem(e))));
    }

    private static List<EdgeView> edges(JsonNode items) {
        List<EdgeView> edges = new ArrayList<>();
        for (JsonNode item : items) {
            edges.add(new EdgeView(
                    item.path("id").asString(""),
                    item.path("baseUrl").asString(""),
                    item.path("region").isString() ? item.path("region").asString() : null,
                    item.path("tier").asString(""),
                    item.path("inRotation").asBoolean(false),
                    item.path("openConnections").asLong(0),
                    item.path("throughputBps").asLong(0),
                    item.path("usedBytes").asLong(0),
                    item.path("capacityBytes").asLong(0),
                    item.path("hitRatioBytes").asDouble(0),
                    item.path("lastReportAt").isString()
                            ? item.path("lastReportAt").asString()
                            : null));
        }
        return edges;
    }

    private static String problem(Throwable e) {
        if (e instanceof WebClientResponseException response) {
            return "steering answered " + response.getStatusCode().value();
        }
        return "steering did not answer";
    }
}
