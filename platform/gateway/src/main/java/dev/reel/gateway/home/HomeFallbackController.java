package dev.reel.gateway.home;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * Answers {@code GET /api/v1/home} when the circuit breaker of the home route (config/gateway.yml) gives up on
 * personalization: down, failing or slower than the breaker's time limit.
 *
 * <p>The page has the same shape as personalization's, with every row marked degraded and {@code "fallback":
 * "gateway"}: New Releases and a few genre rows from catalog's newest published titles. Catalog is asked with the
 * caller's own token and {@code X-Profile-Id}, so its maturity filter applies exactly as on catalog's own routes.
 * If catalog cannot answer either, the page has no rows: still a 200, never an error.
 */
@RestController
class HomeFallbackController {

    /** Where the home route's circuit breaker forwards; under /api so the gateway's authentication guards it. */
    static final String PATH = "/api/v1/fallback/home";

    private static final Logger log = LoggerFactory.getLogger(HomeFallbackController.class);
    private static final String CATALOG_TITLES = "http://catalog/api/v1/titles?page=0&size=60";
    private static final Duration CATALOG_TIMEOUT = Duration.ofMillis(800);
    private static final int ROW_LENGTH = 20;
    private static final int GENRE_ROWS = 4;
    private static final List<String> PERSONAL_ROWS = List.of("continue-watching", "top-picks");

    private final WebClient catalog;

    HomeFallbackController(LoadBalancedExchangeFilterFunction loadBalancer) {
        this.catalog = WebClient.builder().filter(loadBalancer).build();
    }

    @GetMapping(path = PATH, produces = "application/json")
    Mono<Map<String, Object>> home(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestHeader(name = "X-Profile-Id", required = false) @Nullable String profileId) {
        var request = catalog.get().uri(CATALOG_TITLES);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (profileId != null) {
            request = request.header("X-Profile-Id", profileId);
        }
        return request.retrieve()
                .bodyToMono(JsonNode.class)
                // An instance that refuses the connection is ejected by the load balancer; try another once.
                .retryWhen(Retry.max(1).filter(WebClientRequestException.class::isInstance))
                .timeout(CATALOG_TIMEOUT)
                .map(page -> page(profileId, rows(page.path("items"))))
                .onErrorResume(e -> {
                    log.warn("home fallback: catalog unavailable too ({}); answering with no rows", e.toString());
                    return Mono.just(page(profileId, List.of()));
                });
    }

    private static Map<String, Object> page(@Nullable String profileId, List<Map<String, Object>> rows) {
        List<String> degraded = new ArrayList<>(PERSONAL_ROWS);
        rows.forEach(row -> degraded.add((String) row.get("id")));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("profileId", profileId);
        page.put("requestId", UUID.randomUUID().toString());
        page.put("generatedAt", Instant.now().toString());
        page.put("cells", Map.of());
        page.put("rows", rows);
        page.put("degraded", degraded);
        page.put("fallback", "gateway");
        return page;
    }

    /** New Releases (newest published first), then the genres with the most titles. */
    static List<Map<String, Object>> rows(JsonNode titles) {
        List<JsonNode> items = new ArrayList<>();
        titles.forEach(items::add);
        items.sort(Comparator.comparing((JsonNode t) -> t.path("publishedAt").asString(""))
                .reversed());
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!items.isEmpty()) {
            rows.add(row("new-releases", "NEW_RELEASES", "New Releases", items));
        }
        Map<String, List<JsonNode>> byGenre = new LinkedHashMap<>();
        Map<String, String> genreNames = new LinkedHashMap<>();
        for (JsonNode title : items) {
            for (JsonNode genre : title.path("genres")) {
                String slug = genre.path("slug").asString("");
                if (!slug.isEmpty()) {
                    byGenre.computeIfAbsent(slug, s -> new ArrayList<>()).add(title);
                    genreNames.putIfAbsent(slug, genre.path("name").asString(slug));
                }
            }
        }
        byGenre.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<JsonNode>> e) ->
                                e.getValue().size())
                        .reversed())
                .limit(GENRE_ROWS)
                .forEach(e -> rows.add(row("genre:" + e.getKey(), "GENRE", genreNames.get(e.getKey()), e.getValue())));
        return rows;
    }

    private static Map<String, Object> row(String id, String kind, String title, List<JsonNode> titles) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("kind", kind);
        row.put("title", title);
        row.put("degraded", true);
        row.put(
                "items",
                titles.stream()
                        .limit(ROW_LENGTH)
                        .map(HomeFallbackController::item)
                        .toList());
        return row;
    }

    private static Map<String, Object> item(JsonNode title) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("titleId", title.path("id").asString());
        item.put("name", title.path("name").asString());
        item.put("type", title.path("type").asString());
        item.put("year", title.path("year").asInt());
        item.put("maturity", title.path("maturity").asString());
        List<String> genres = new ArrayList<>();
        title.path("genres").forEach(g -> genres.add(g.path("slug").asString()));
        item.put("genres", genres);
        JsonNode artwork = title.path("artworks").path(0);
        item.put(
                "artworkUrl",
                artwork.isMissingNode() ? null : artwork.path("url").asString());
        return item;
    }
}
