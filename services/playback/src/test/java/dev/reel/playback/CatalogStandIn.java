package dev.reel.playback;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** A stand-in for the catalog, answering {@code GET /api/v1/titles/{id}} with the fields of {@code TitleDetails}. */
final class CatalogStandIn extends StandIn {

    private final Map<UUID, Map<String, Object>> titles = new ConcurrentHashMap<>();

    CatalogStandIn() {
        super("/api/v1/titles/");
    }

    /**
     * Adds or replaces a title.
     *
     * @param originVersion null for a title without media (not playable)
     */
    UUID put(UUID id, String name, String maturity, String state, @Nullable String originVersion) {
        Map<String, Object> title = new HashMap<>();
        title.put("id", id.toString());
        title.put("type", "MOVIE");
        title.put("name", name);
        title.put("synopsis", "A test title.");
        title.put("year", 2026);
        title.put("maturity", maturity);
        title.put("state", state);
        title.put("genres", List.of());
        title.put("cast", List.of());
        title.put("artworks", List.of());
        title.put("seasons", List.of());
        title.put("playable", originVersion != null);
        title.put(
                "media",
                originVersion == null
                        ? null
                        : Map.of(
                                "originVersion",
                                originVersion,
                                "durationSeconds",
                                10,
                                "maxHeight",
                                2160,
                                "codecs",
                                List.of("avc1.64001e", "mp4a.40.2"),
                                "audioLanguages",
                                List.of("eng"),
                                "subtitleLanguages",
                                List.of("eng")));
        title.put("createdAt", "2026-11-23T00:00:00Z");
        title.put("updatedAt", "2026-11-23T00:00:00Z");
        title.put("publishedAt", state.equals("PUBLISHED") ? "2026-11-23T00:00:00Z" : null);
        title.put("version", 1);
        titles.put(id, title);
        return id;
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        UUID id = lastSegmentId(exchange);
        Map<String, Object> title = id == null ? null : titles.get(id);
        if (title == null) {
            respond(exchange, 404, Map.of("status", 404, "title", "Not found"));
            return;
        }
        respond(exchange, 200, title);
    }
}
