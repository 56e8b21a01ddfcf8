package dev.reel.personalization;

import com.sun.net.httpserver.HttpExchange;
import dev.reel.testkit.StandIn;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A stand-in for viewing, answering {@code GET /api/v1/viewing/continue} with the entries set per profile. */
final class ViewingStandIn extends StandIn {

    private final Map<UUID, List<Map<String, Object>>> entries = new ConcurrentHashMap<>();

    ViewingStandIn() {
        super("/api/v1/viewing/");
    }

    void put(UUID profile, UUID titleId, double progress) {
        entries.put(profile, List.of(Map.of("titleId", titleId.toString(), "progress", progress)));
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String profile = exchange.getRequestHeaders().getFirst("X-Profile-Id");
        List<Map<String, Object>> items =
                profile == null ? List.of() : entries.getOrDefault(UUID.fromString(profile), List.of());
        respond(
                exchange,
                200,
                Map.of("items", items, "page", 0, "size", 20, "totalItems", items.size(), "totalPages", 1));
    }
}
