package dev.reel.playback;

import com.sun.net.httpserver.HttpExchange;
import dev.reel.testkit.StandIn;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for steering, answering {@code GET /api/v1/cdn/steering?title=&client=} with isp-b first (to show that
 * playback keeps steering's order, whatever it is), then isp-a, then the origin.
 */
final class SteeringStandIn extends StandIn {

    static final List<Map<String, Object>> TARGETS = List.of(
            target("isp-b", "http://localhost:9101", "APPLIANCE", true, true),
            target("isp-a", "http://localhost:9100", "APPLIANCE", false, false),
            target("origin", "http://localhost:9000", "ORIGIN", false, true));

    private final List<String> clients = new CopyOnWriteArrayList<>();

    SteeringStandIn() {
        super("/api/v1/cdn/steering");
    }

    /** The {@code client} parameters of the requests so far. */
    List<String> clients() {
        return List.copyOf(clients);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        if (subject(exchange.getRequestHeaders().getFirst("Authorization")) == null) {
            respond(exchange, 401, Map.of("status", 401, "title", "Unauthorized"));
            return;
        }
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                query.put(
                        pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        String client = query.getOrDefault("client", "");
        if (client.isBlank() || !query.containsKey("title")) {
            respond(exchange, 400, Map.of("status", 400, "title", "Bad request"));
            return;
        }
        clients.add(client);
        respond(exchange, 200, Map.of("client", client, "network", "isp-b", "targets", TARGETS));
    }

    private static Map<String, Object> target(
            String id, String baseUrl, String kind, boolean sameNetwork, boolean holdsTitle) {
        return Map.of("id", id, "baseUrl", baseUrl, "kind", kind, "sameNetwork", sameNetwork, "holdsTitle", holdsTitle);
    }
}
