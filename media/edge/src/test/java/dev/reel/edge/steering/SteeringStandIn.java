package dev.reel.edge.steering;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for steering's {@code POST /api/v1/cdn/reports}: it records every report with its
 * {@code Authorization} header and answers with the current plan until a report says it was
 * applied, as steering does. It can fail a number of reports first, as a steering that is down.
 */
final class SteeringStandIn implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One report as received. */
    record Received(String authorization, JsonNode body) {}

    private final HttpServer server;
    private final List<Received> reports = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile @Nullable String planJson;
    private volatile @Nullable String planId;

    private SteeringStandIn(HttpServer server) {
        this.server = server;
        server.createContext("/api/v1/cdn/reports", this::report);
        server.start();
    }

    static SteeringStandIn start() throws IOException {
        return new SteeringStandIn(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers every report with this plan (JSON) until one reports {@code planId} as applied. */
    void plan(String planId, String planJson) {
        this.planId = planId;
        this.planJson = planJson;
    }

    /** Answers the next {@code count} reports with 503. */
    void fail(int count) {
        failuresLeft.set(count);
    }

    List<Received> reports() {
        return List.copyOf(reports);
    }

    private void report(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            JsonNode report = JSON.readTree(body);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            reports.add(new Received(authorization == null ? "" : authorization, report));
            JsonNode applied = report.get("appliedPlanId");
            String current = planId;
            boolean sendPlan =
                    current != null && (applied == null || applied.isNull() || !current.equals(applied.asString()));
            byte[] answer = ("{\"reportInterval\":\"PT2S\",\"plan\":" + (sendPlan ? planJson : "null") + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
