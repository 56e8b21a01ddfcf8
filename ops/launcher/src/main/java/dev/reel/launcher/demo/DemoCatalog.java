package dev.reel.launcher.demo;

import dev.reel.launcher.studio.ApiProblemException;
import dev.reel.launcher.studio.GatewayClient;
import dev.reel.launcher.studio.Json;
import dev.reel.launcher.studio.StudioException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The demo's catalog entries, through the catalog API as the admin. Every operation looks for an existing entry first
 * (by name), so running it again after an interruption never creates duplicates.
 */
final class DemoCatalog {

    /** The genre of every demo title. */
    static final String GENRE = "Demo";

    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 50;

    private final GatewayClient gateway;

    DemoCatalog(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** The id of genre {@value #GENRE}, created if it does not exist. */
    UUID ensureGenre() throws InterruptedException {
        Optional<UUID> existing = findByName("/api/v1/genres?", GENRE);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return idOf(gateway.json("POST", "/api/v1/genres", Map.of("name", GENRE))
                    .json());
        } catch (ApiProblemException e) {
            if (e.status() == 409) { // created meanwhile
                return findByName("/api/v1/genres?", GENRE).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** The id of {@code clip}'s title in {@code genre}, created (as a draft) if it does not exist. */
    UUID ensureTitle(DemoClip clip, UUID genre) throws InterruptedException {
        Optional<UUID> existing = findByName("/api/v1/titles?genre=" + genre + "&", clip.title());
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "MOVIE");
        body.put("name", clip.title());
        body.put("synopsis", clip.synopsis());
        body.put("year", 2025);
        body.put("maturity", "ALL");
        body.put("cast", List.of("Reel Demo"));
        body.put("genreIds", List.of(genre));
        body.put("artworks", List.of());
        return idOf(gateway.json("POST", "/api/v1/titles", body).json());
    }

    /** Publishes the title (publishing a published title changes nothing). */
    void publish(UUID title) throws InterruptedException {
        gateway.json("POST", "/api/v1/titles/" + title + "/publish", null);
    }

    private Optional<UUID> findByName(String pathAndQuery, String name) throws InterruptedException {
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode json = gateway.json("GET", pathAndQuery + "page=" + page + "&size=" + PAGE_SIZE, null)
                    .json();
            for (JsonNode item : json.path("items")) {
                @Nullable String itemName = Json.text(item, "name");
                @Nullable UUID id = Json.uuid(item, "id");
                if (id != null && name.equalsIgnoreCase(itemName)) {
                    return Optional.of(id);
                }
            }
            @Nullable Long pages = Json.longValue(json, "totalPages");
            if (pages == null || page + 1 >= pages) {
                break;
            }
        }
        return Optional.empty();
    }

    private static UUID idOf(JsonNode json) {
        @Nullable UUID id = Json.uuid(json, "id");
        if (id == null) {
            throw new StudioException("The catalog answered without an id: " + json);
        }
        return id;
    }
}
