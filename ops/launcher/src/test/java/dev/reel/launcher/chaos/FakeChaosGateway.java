package dev.reel.launcher.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays the gateway's chaos API in tests: answers each {@code METHOD path} with scripted responses (the last one
 * repeats) and records every request with its Authorization header and body.
 */
final class FakeChaosGateway implements AutoCloseable {

    /** A recorded request. */
    record Request(String method, String path, String authorization, String body) {}

    private record Answer(int status, String body) {}

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeChaosGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code method path} (with its query) with these responses in turn; the last one repeats. */
    FakeChaosGateway on(String method, String path, int status, String... bodies) {
        Deque<Answer> queue = answers.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>());
        synchronized (queue) {
            for (String body : bodies) {
                queue.add(new Answer(status, body));
            }
        }
        return this;
    }

    List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() != null
                        ? "?" + exchange.getRequestURI().getRawQuery()
                        : "");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(
                new Request(exchange.getRequestMethod(), target, authorization != null ? authorization : "", body));
        Deque<Answer> queue = answers.get(exchange.getRequestMethod() + " " + target);
        Answer answer;
        if (queue == null) {
            answer = new Answer(404, "{\"title\":\"Not Found\",\"status\":404}");
        } else {
            synchronized (queue) {
                answer = queue.size() > 1 ? queue.poll() : queue.peek();
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .add("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
