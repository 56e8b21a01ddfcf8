package dev.reel.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reel.resilience.ChaosFault;
import dev.reel.resilience.ChaosSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service stand-in that behaves as a Reel service would towards the gateway's resilience features: serves a JWKS,
 * applies signed {@code Reel-Chaos} faults meant for {@code service} (errors answer 500), holds requests to {@code
 * /hold} paths until {@link #release()}, and otherwise echoes method, path, headers (all values, comma-joined) and
 * body as JSON.
 */
final class EchoStandIn implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String service;
    private final ChaosSigner signer;
    private final String jwks;
    private final AtomicInteger held = new AtomicInteger();
    private volatile CountDownLatch hold = new CountDownLatch(1);

    EchoStandIn(String service, String jwks, ChaosSigner signer) {
        this.service = service;
        this.jwks = jwks;
        this.signer = signer;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests waiting at a {@code /hold} path. */
    int held() {
        return held.get();
    }

    /** Lets every held request (and later ones) through. */
    void release() {
        hold.countDown();
    }

    /** Holds later {@code /hold} requests again. */
    void rearm() {
        hold = new CountDownLatch(1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/.well-known/jwks.json")) {
                respond(exchange, 200, jwks);
                return;
            }
            List<String> chaos = exchange.getRequestHeaders().getOrDefault(ChaosSigner.HEADER, List.of());
            for (String value : chaos) {
                for (String one : value.split(",")) {
                    ChaosFault fault = signer.verify(one.strip(), Instant.now()).orElse(null);
                    if (fault != null
                            && fault.appliesTo(service, Instant.now())
                            && fault.kind() == ChaosFault.Kind.ERRORS) {
                        respond(exchange, 500, "{\"status\":500,\"detail\":\"chaos\"}");
                        return;
                    }
                }
            }
            if (path.endsWith("/hold")) {
                held.incrementAndGet();
                try {
                    hold.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    held.decrementAndGet();
                }
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", service);
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", path);
            echo.put("headers", headers);
            echo.put("body", new String(body, StandardCharsets.UTF_8));
            respond(exchange, exchange.getRequestMethod().equals("POST") ? 201 : 200, JSON.writeValueAsString(echo));
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
