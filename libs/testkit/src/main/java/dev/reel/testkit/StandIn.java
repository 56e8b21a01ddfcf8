package dev.reel.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP stand-in for another Reel service inside one service's integration tests, answering one path prefix
 * on a loopback port. It can be switched "down", when it answers 503 to everything, as a failing instance would.
 * Subclasses answer in the real service's shapes; databases and brokers are never stood in for.
 */
public abstract class StandIn implements AutoCloseable {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger calls = new AtomicInteger();

    protected StandIn(String context) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(context, exchange -> {
            calls.incrementAndGet();
            try (exchange) {
                if (down.get()) {
                    respond(exchange, 503, Map.of("status", 503, "title", "Service unavailable"));
                } else {
                    handle(exchange);
                }
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Answers one request; the exchange is closed afterwards. */
    protected abstract void handle(HttpExchange exchange) throws IOException;

    public int port() {
        return server.getAddress().getPort();
    }

    /** While down, every request gets 503. */
    public void down(boolean isDown) {
        down.set(isDown);
    }

    /** Requests received so far. */
    public int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    /** The account in a bearer token's subject, without verifying the signature (the service under test already did). */
    protected static @Nullable UUID subject(@Nullable String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String token = authorization.substring("Bearer ".length());
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return UUID.fromString(JSON.readTree(payload).path("sub").asString());
    }

    /** The last path segment as a UUID, or null. */
    protected static @Nullable UUID lastSegmentId(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        try {
            return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    protected static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders()
                .set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
