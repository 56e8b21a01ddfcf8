package dev.reel.catalog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the remote identity service, answering {@code GET /api/v1/profiles/{id}} like identity does: the
 * profile when it belongs to the token's account, 404 otherwise (also for someone else's profile), 401 without a
 * token. It reads the account from the token's subject without verifying the signature; catalog already did.
 */
final class IdentityStandIn implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Profile(UUID account, String maturityCeiling, boolean kids) {}

    private final HttpServer server;
    private final Map<UUID, Profile> profiles = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    private IdentityStandIn(HttpServer server) {
        this.server = server;
        server.createContext("/api/v1/profiles/", this::profile);
        server.start();
    }

    static IdentityStandIn start() {
        try {
            return new IdentityStandIn(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Adds a profile of {@code account} and returns its id. */
    UUID addProfile(UUID account, String maturityCeiling, boolean kids) {
        UUID id = UUID.randomUUID();
        profiles.put(id, new Profile(account, maturityCeiling, kids));
        return id;
    }

    /** How many profile lookups reached this stand-in. */
    int lookups() {
        return lookups.get();
    }

    /** Stops answering: later connections are refused, as when identity is down. */
    @Override
    public void close() {
        server.stop(0);
    }

    private void profile(HttpExchange exchange) throws IOException {
        lookups.incrementAndGet();
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                respond(exchange, 401, Map.of("status", 401, "title", "Unauthorized"));
                return;
            }
            UUID account = subject(authorization.substring("Bearer ".length()));
            String path = exchange.getRequestURI().getPath();
            Profile profile;
            UUID id;
            try {
                id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
                profile = profiles.get(id);
            } catch (IllegalArgumentException e) {
                id = null;
                profile = null;
            }
            if (profile == null || !profile.account().equals(account)) {
                respond(exchange, 404, Map.of("status", 404, "title", "Not found"));
                return;
            }
            respond(
                    exchange,
                    200,
                    Map.of(
                            "id",
                            id.toString(),
                            "name",
                            "Someone",
                            "avatar",
                            "fox",
                            "language",
                            "en",
                            "kids",
                            profile.kids(),
                            "maturityCeiling",
                            profile.maturityCeiling()));
        }
    }

    private static UUID subject(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return UUID.fromString(JSON.readTree(payload).path("sub").asString());
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders()
                .set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
