package dev.reel.gateway.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A service instance on a loopback port, as the overview sees one: {@code /actuator/health} with a given status (503
 * unless {@code UP}), {@code /actuator/prometheus} with given text (404 when there is none, like an edge appliance),
 * and any other path answered from {@link #json}. Remembers the {@code Authorization} header of every request.
 */
final class InstanceStandIn implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Integer> hits = new ConcurrentHashMap<>();
    private final Map<String, List<String>> authorizations = new ConcurrentHashMap<>();
    private volatile String health = "UP";
    private volatile @Nullable String prometheus;
    private final Map<String, String> json = new ConcurrentHashMap<>();

    InstanceStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    InstanceStandIn health(String status) {
        this.health = status;
        return this;
    }

    InstanceStandIn prometheus(@Nullable String text) {
        this.prometheus = text;
        return this;
    }

    /** Answers {@code GET path} with {@code body} as JSON. */
    InstanceStandIn json(String path, String body) {
        json.put(path, body);
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    int hits(String path) {
        return hits.getOrDefault(path, 0);
    }

    /** The {@code Authorization} headers of the requests for {@code path}, empty strings for requests without one. */
    List<String> authorizations(String path) {
        return List.copyOf(authorizations.getOrDefault(path, List.of()));
    }

    /** A loopback port nothing listens on. */
    static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            hits.merge(path, 1, Integer::sum);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations
                    .computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                    .add(authorization == null ? "" : authorization);
            String text = prometheus;
            if (path.equals("/actuator/health")) {
                respond(
                        exchange,
                        health.equals("UP") ? 200 : 503,
                        "application/json",
                        "{\"status\":\"" + health + "\"}");
            } else if (path.equals("/actuator/prometheus") && text != null) {
                respond(exchange, 200, "text/plain;version=0.0.4;charset=utf-8", text);
            } else if (json.containsKey(path)) {
                respond(exchange, 200, "application/json", json.get(path));
            } else {
                respond(exchange, 404, "application/problem+json", "{\"status\":404}");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
