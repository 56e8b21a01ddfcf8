package dev.reel.encoder.upload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for the remote catalog, answering {@code GET /api/v1/titles/{id}} like the catalog does for an admin: the
 * title (drafts too) when it is known, a 404 problem otherwise, 401 without a bearer token. While switched off it
 * answers 503, as a failing catalog instance does.
 */
final class CatalogStandIn implements AutoCloseable {

    private final HttpServer server;
    private final Set<UUID> titles = ConcurrentHashMap.newKeySet();
    private final AtomicReference<@Nullable String> lastAuthorization = new AtomicReference<>();
    private volatile boolean available = true;

    private CatalogStandIn(HttpServer server) {
        this.server = server;
        server.createContext("/api/v1/titles/", this::title);
        server.start();
    }

    static CatalogStandIn start() {
        try {
            return new CatalogStandIn(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Adds a draft title and returns its id. */
    UUID addTitle() {
        UUID id = UUID.randomUUID();
        titles.add(id);
        return id;
    }

    /** Switches the stand-in between answering and failing every call with 503. */
    void available(boolean available) {
        this.available = available;
    }

    /** The {@code Authorization} header of the last lookup, or null. */
    @Nullable
    String lastAuthorization() {
        return lastAuthorization.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void title(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            lastAuthorization.set(authorization);
            if (!available) {
                respond(exchange, 503, "{\"status\":503,\"title\":\"Service unavailable\"}");
                return;
            }
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                respond(exchange, 401, "{\"status\":401,\"title\":\"Unauthorized\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            UUID id;
            try {
                id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
            } catch (IllegalArgumentException e) {
                id = null;
            }
            if (id == null || !titles.contains(id)) {
                respond(exchange, 404, "{\"status\":404,\"title\":\"Not found\"}");
                return;
            }
            respond(exchange, 200, "{\"id\":\"" + id + "\",\"type\":\"MOVIE\",\"name\":\"Heat\",\"state\":\"DRAFT\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
