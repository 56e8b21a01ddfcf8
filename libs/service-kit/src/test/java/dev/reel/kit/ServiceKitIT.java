package dev.reel.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.reel.events.Topics;
import dev.reel.events.catalog.TitlePublished;
import dev.reel.events.catalog.TitleSnapshot;
import dev.reel.kit.events.EventHeaders;
import dev.reel.kit.events.Outbox;
import dev.reel.testkit.TestInfra;
import dev.reel.testkit.TestTokenDecoder;
import dev.reel.testkit.TestTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(
        classes = {KitTestApplication.class, TestTokenDecoder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class ServiceKitIT {

    private static final List<String> TRACEPARENTS_AT_LIVE = new CopyOnWriteArrayList<>();
    private static final HttpServer LIVE = startThingServer();
    private static final int DEAD_PORT = freePort();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.registerPostgres(registry, "kit");
        TestInfra.registerKafka(registry);
        registry.add("test.things.live-port", () -> LIVE.getAddress().getPort());
        registry.add("test.things.dead-port", () -> DEAD_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    KitTestApplication.TracedListener tracedListener;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        var response = post("/things", "{\"name\": ", null);
        assertProblem(response, 400);
        assertThat(response.body()).contains("correlationId");
    }

    @Test
    void invalidFieldsAreListed() throws Exception {
        var response = post("/things", "{\"name\": \"far too long a name\"}", null);
        assertProblem(response, 400);
        assertThat(response.body()).contains("\"field\":\"name\"");
    }

    @Test
    void validRequestPasses() throws Exception {
        var response = post("/things", "{\"name\": \"ok\"}", null);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
    }

    @Test
    void problemExceptionKeepsItsStatusAndDetail() throws Exception {
        var response = get("/things/42", null);
        assertProblem(response, 404);
        assertThat(response.body()).contains("no thing 42");
    }

    @Test
    void unknownRouteIsA404Problem() throws Exception {
        assertProblem(
                get("/things-that-do-not-exist/at/all", TestTokens.token(UUID.randomUUID(), List.of("member"))), 404);
    }

    @Test
    void wrongMethodIsA405Problem() throws Exception {
        var request = HttpRequest.newBuilder(uri("/things/42"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + TestTokens.token(UUID.randomUUID(), List.of("member")))
                .build();
        assertProblem(http.send(request, HttpResponse.BodyHandlers.ofString()), 405);
    }

    @Test
    void wrongContentTypeIsA415Problem() throws Exception {
        var request = HttpRequest.newBuilder(uri("/things"))
                .POST(HttpRequest.BodyPublishers.ofString("name=x"))
                .header("Content-Type", "text/plain")
                .build();
        assertProblem(http.send(request, HttpResponse.BodyHandlers.ofString()), 415);
    }

    @Test
    void oversizedBodiesAre413Problems() throws Exception {
        String big = "{\"name\": \"" + "x".repeat(4096) + "\"}";
        assertProblem(post("/things", big, null), 413);
        var chunked = HttpRequest.newBuilder(uri("/things"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .header("Content-Type", "application/json")
                .build();
        assertProblem(http.send(chunked, HttpResponse.BodyHandlers.ofString()), 413);
    }

    @Test
    void privateRouteWithoutTokenIs401AndCallerComesFromTheToken() throws Exception {
        assertProblem(get("/me", null), 401);
        assertProblem(get("/me", "not-a-token"), 401);
        UUID account = UUID.randomUUID();
        var response = get("/me", TestTokens.token(account, List.of("member")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(account.toString());
    }

    @Test
    void adminRouteIs403ForMembersAndOpenToAdmins() throws Exception {
        assertProblem(post("/admin-only", "{}", TestTokens.token(UUID.randomUUID(), List.of("member"))), 403);
        var ok = post("/admin-only", "{}", TestTokens.token(UUID.randomUUID(), List.of("member", "admin")));
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void resilientClientSkipsTheDeadInstanceCarriesTheTraceThenFallsBack() throws Exception {
        // One instance refuses connections, one answers: every call must succeed on the live one.
        for (int i = 0; i < 10; i++) {
            var response = get("/remote/1", null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"live\"");
        }
        // A 4xx from the callee is its answer, not a failure: it propagates and no fallback is used.
        assertThat(get("/remote/missing", null).statusCode()).isEqualTo(500);
        var metrics = get("/actuator/prometheus", null).body();
        assertThat(metrics).contains("resilience4j_circuitbreaker_state").contains("name=\"things\"");
        // The caller's W3C trace context travels on: the callee sees the same trace id.
        String traceId = randomHex(32);
        var traced = HttpRequest.newBuilder(uri("/remote/traced"))
                .GET()
                .header("traceparent", "00-" + traceId + "-" + randomHex(16) + "-01")
                .build();
        assertThat(http.send(traced, HttpResponse.BodyHandlers.ofString()).body())
                .contains("\"live\"");
        assertThat(TRACEPARENTS_AT_LIVE)
                .anySatisfy(header -> assertThat(header).matches("00-" + traceId + "-[0-9a-f]{16}-01"));
        // With no instance left, the fallback answers instead of an error.
        LIVE.stop(0);
        var degraded = get("/remote/1", null);
        assertThat(degraded.statusCode()).isEqualTo(200);
        assertThat(degraded.body()).contains("\"fallback\"");
    }

    @Test
    void outboxPublishesCommittedEventsOnceAndDropsRolledBackOnes() {
        TitlePublished committed = TitlePublished.of(snapshot("committed"));
        TitlePublished rolledBack = TitlePublished.of(snapshot("rolled back"));
        transactions.executeWithoutResult(status -> outbox.append(Topics.CATALOG_TITLES, committed));
        transactions.executeWithoutResult(status -> {
            outbox.append(Topics.CATALOG_TITLES, rolledBack);
            status.setRollbackOnly();
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> outbox.append(Topics.CATALOG_TITLES, committed))
                .isInstanceOf(IllegalStateException.class);

        List<ConsumerRecord<String, String>> seen = consumeFor(Duration.ofSeconds(8));
        assertThat(seen)
                .filteredOn(r -> r.value().contains(committed.eventId().toString()))
                .hasSize(1);
        assertThat(seen).noneMatch(r -> r.value().contains(rolledBack.eventId().toString()));
        ConsumerRecord<String, String> record = seen.stream()
                .filter(r -> r.value().contains(committed.eventId().toString()))
                .findFirst()
                .orElseThrow();
        assertThat(record.key()).isEqualTo(committed.title().titleId().toString());
        assertThat(new String(record.headers().lastHeader(EventHeaders.TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("TitlePublished");
    }

    @Test
    void outboxEventsCarryTheTraceOfTheRequestThatAppendedThemToTheirListeners(CapturedOutput output) throws Exception {
        String traceId = randomHex(32);
        String parentSpanId = randomHex(16);
        var request = HttpRequest.newBuilder(uri("/traced"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("traceparent", "00-" + traceId + "-" + parentSpanId + "-01")
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String eventId = response.body().replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1");

        ConsumerRecord<String, String> record =
                consumeFor(Duration.ofSeconds(6), KitTestApplication.TRACED_TOPIC).stream()
                        .filter(r -> r.value().contains(eventId))
                        .findFirst()
                        .orElseThrow();
        String traceparent =
                new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain(parentSpanId);

        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!tracedListener.seen.containsKey(eventId) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        KitTestApplication.SeenTrace seen = tracedListener.seen.get(eventId);
        assertThat(seen).as("listener got the event").isNotNull();
        assertThat(seen.spanTraceId()).isEqualTo(traceId);
        assertThat(seen.mdcTraceId()).isEqualTo(traceId);
        assertThat(seen.mdcSpanId()).matches("[0-9a-f]{16}");
        assertThat(output.getOut().lines().filter(line -> line.contains("traced event " + eventId + " received")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("{")
                        .contains("\"traceId\":\"" + traceId + "\"")
                        .contains("\"spanId\":\"" + seen.mdcSpanId() + "\""));
    }

    private static String randomHex(int length) {
        String hex = UUID.randomUUID().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", "");
        return hex.substring(0, length);
    }

    private List<ConsumerRecord<String, String>> consumeFor(Duration duration) {
        return consumeFor(duration, Topics.CATALOG_TITLES);
    }

    private List<ConsumerRecord<String, String>> consumeFor(Duration duration, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "kit-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(250)).forEach(seen::add);
            }
        }
        return seen;
    }

    private static TitleSnapshot snapshot(String name) {
        return new TitleSnapshot(
                UUID.randomUUID(),
                "MOVIE",
                name,
                "s",
                2020,
                90,
                "13+",
                List.of(),
                List.of(),
                List.of(),
                true,
                null,
                false,
                List.of());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).doesNotContain("Exception");
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpServer startThingServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/things/", exchange -> {
                String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
                if (traceparent != null) {
                    TRACEPARENTS_AT_LIVE.add(traceparent);
                }
                boolean missing = exchange.getRequestURI().getPath().endsWith("/missing");
                byte[] body = (missing ? "{\"status\":404}" : "{\"name\":\"live\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(missing ? 404 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
