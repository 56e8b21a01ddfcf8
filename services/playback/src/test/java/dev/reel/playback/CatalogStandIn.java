package dev.reel.playback;

import com.sun.net.httpserver.HttpExchange;
import dev.reel.testkit.StandIn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for the catalog, answering {@code GET /api/v1/titles/{id}} with the fields of {@code TitleDetails}: movies,
 * and series with seasons of episodes.
 */
final class CatalogStandIn extends StandIn {

    private final Map<UUID, Map<String, Object>> titles = new ConcurrentHashMap<>();

    CatalogStandIn() {
        super("/api/v1/titles/");
    }

    /** Media duration of every title with media, in seconds. */
    static final int DURATION_SECONDS = 10;

    /**
     * Adds or replaces a movie.
     *
     * @param originVersion null for a title without media (not playable)
     */
    UUID put(UUID id, String name, String maturity, String state, @Nullable String originVersion) {
        titles.put(id, title(id, "MOVIE", name, maturity, state, originVersion, List.of()));
        return id;
    }

    /**
     * Adds or replaces a published series whose title-level media is {@code originVersion}.
     *
     * @param seasons each season's episode ids, season 1 first
     */
    UUID putSeries(UUID id, String name, String maturity, String originVersion, List<List<UUID>> seasons) {
        List<Map<String, Object>> seasonViews = new ArrayList<>();
        for (int s = 0; s < seasons.size(); s++) {
            List<Map<String, Object>> episodes = new ArrayList<>();
            List<UUID> episodeIds = seasons.get(s);
            for (int e = 0; e < episodeIds.size(); e++) {
                episodes.add(Map.of(
                        "id",
                        episodeIds.get(e).toString(),
                        "seasonNumber",
                        s + 1,
                        "number",
                        e + 1,
                        "name",
                        "Episode " + (e + 1),
                        "synopsis",
                        "An episode.",
                        "runtimeMinutes",
                        42));
            }
            seasonViews.add(Map.of("number", s + 1, "name", "Season " + (s + 1), "episodes", episodes));
        }
        titles.put(id, title(id, "SERIES", name, maturity, "PUBLISHED", originVersion, seasonViews));
        return id;
    }

    private static Map<String, Object> title(
            UUID id,
            String type,
            String name,
            String maturity,
            String state,
            @Nullable String originVersion,
            List<Map<String, Object>> seasons) {
        Map<String, Object> title = new HashMap<>();
        title.put("id", id.toString());
        title.put("type", type);
        title.put("name", name);
        title.put("synopsis", "A test title.");
        title.put("year", 2026);
        title.put("maturity", maturity);
        title.put("state", state);
        title.put("genres", List.of());
        title.put("cast", List.of());
        title.put("artworks", List.of());
        title.put("seasons", seasons);
        title.put("playable", originVersion != null);
        title.put(
                "media",
                originVersion == null
                        ? null
                        : Map.of(
                                "originVersion",
                                originVersion,
                                "durationSeconds",
                                DURATION_SECONDS,
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
        return title;
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        UUID id = lastSegmentId(exchange);
        Map<String, Object> title = id == null ? null : titles.get(id);
        if (title == null) {
            respond(exchange, 404, Map.of("status", 404, "title", "Not found"));
            return;
        }
        respond(exchange, 200, title);
    }
}
