package dev.reel.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test double of a downstream service (identity and catalog alike): serves a JWKS at {@code
 * /.well-known/jwks.json}, sleeps on {@code /api/v1/slow/**}, and otherwise echoes what it
 * received (method, path, headers) as JSON so tests can see what the gateway sent downstream.
 */
final class StubService implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** {@code /api/v1/titles/status/503} answers 503 (a catalog route), counting calls per path. */
    static final String STATUS_PREFIX = "/api/v1/titles/status/";

    private static final Map<String, Integer> hits = new ConcurrentHashMap<>();

    /** Catalog's answer to the home fallback's request: two published titles, the newer one in two genres. */
    static final String TITLES_PAGE = """
            {"items":[
              {"id":"00000000-0000-0000-0000-00000000000a","type":"MOVIE","name":"Older","year":2020,"maturity":"13+",
               "publishedAt":"2026-01-01T00:00:00Z","genres":[{"id":"00000000-0000-0000-0000-0000000000d1","name":"Drama","slug":"drama"}],
               "artworks":[]},
              {"id":"00000000-0000-0000-0000-00000000000b","type":"MOVIE","name":"Newer","year":2026,"maturity":"7+",
               "publishedAt":"2026-06-01T00:00:00Z","genres":[{"id":"00000000-0000-0000-0000-0000000000d1","name":"Drama","slug":"drama"},
               {"id":"00000000-0000-0000-0000-0000000000d2","name":"Comedy","slug":"comedy"}],
               "artworks":[{"id":"00000000-0000-0000-0000-0000000000e1","kind":"POSTER","url":"/art/newer.jpg"}]}],
             "page":0,"size":60,"totalItems":2,"totalPages":1}
            """;

    /** The X-Profile-Id of the last request for {@link #TITLES_PAGE}. */
    static volatile @Nullable String lastTitlesProfile;

    private final HttpServer server;

    private StubService(HttpServer server) {
        this.server = server;
    }

    static StubService start(String jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> handle(exchange, jwks));
            server.start();
            return new StubService(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many requests reached {@code path}. */
    int hits(String path) {
        return hits.getOrDefault(path, 0);
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void handle(HttpExchange exchange, String jwks) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/.well-known/jwks.json")) {
                respond(exchange, 200, "application/json", jwks);
                return;
            }
            if (path.startsWith("/api/v1/slow")) {
                sleep(1500);
            }
            if (path.equals("/api/v1/titles")
                    && "page=0&size=60".equals(exchange.getRequestURI().getQuery())) {
                lastTitlesProfile = exchange.getRequestHeaders().getFirst("X-Profile-Id");
                respond(exchange, 200, "application/json", TITLES_PAGE);
                return;
            }
            if (path.startsWith(STATUS_PREFIX)) {
                hits.merge(path, 1, Integer::sum);
                int status = Integer.parseInt(path.substring(STATUS_PREFIX.length()));
                respond(exchange, status, "application/problem+json", "{\"status\":" + status + "}");
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", path);
            echo.put("headers", headers);
            respond(exchange, 200, "application/json", JSON.writeValueAsString(echo));
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
