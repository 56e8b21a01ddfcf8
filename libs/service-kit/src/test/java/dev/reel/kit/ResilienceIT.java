package dev.reel.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.reel.kit.chaos.ChaosFilter;
import dev.reel.kit.client.ResilientClients;
import dev.reel.kit.security.PublicRoutes;
import dev.reel.kit.shedding.LoadSheddingFilter;
import dev.reel.resilience.ChaosFault;
import dev.reel.resilience.ChaosSigner;
import dev.reel.resilience.Criticality;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A small service on the kit, without database or broker, under overload and chaos: server-side shedding by
 * criticality, signed faults, and clients that forward the resilience headers and retry shed calls within a budget.
 */
@SpringBootTest(
        classes = ResilienceIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=kit-resilience",
            "spring.cloud.config.enabled=false",
            "eureka.client.enabled=false",
            // a tiny fixed limit: best effort may fill 2 slots, degraded and critical all 4
            "reel.kit.shedding.initial-limit=4",
            "reel.kit.shedding.min-limit=4",
            "reel.kit.shedding.max-limit=4",
            // only the limit sheds here: the machine's CPU load is not the test's to control
            "reel.kit.shedding.cpu-shedding=false"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResilienceIT {

    private static final String SERVICE = "kit-resilience";
    private static final Path KEY = chaosKey();
    private static final ChaosSigner SIGNER = signer();
    private static final Peer SHEDDING_PEER = Peer.start(true);
    private static final Peer LIVE_PEER = Peer.start(false);
    private static final Peer CROWD_A = Peer.start(true);
    private static final Peer CROWD_B = Peer.start(true);
    private static final Peer OTHER_ZONE = Peer.start(false);
    private static final int DEAD_PORT = freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("reel.kit.chaos.key-file", KEY::toString);
        registry.add("spring.cloud.discovery.client.simple.instances.peer[0].uri", SHEDDING_PEER::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.peer[1].uri", LIVE_PEER::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.crowd[0].uri", CROWD_A::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.crowd[1].uri", CROWD_B::uri);
        // This service's zone holds only a dead instance of "zoned"; its live one is in the other zone.
        registry.add("spring.cloud.loadbalancer.zone", () -> "zone-a");
        registry.add(
                "spring.cloud.discovery.client.simple.instances.zoned[0].uri", () -> "http://127.0.0.1:" + DEAD_PORT);
        registry.add("spring.cloud.discovery.client.simple.instances.zoned[0].metadata.zone", () -> "zone-a");
        registry.add("spring.cloud.discovery.client.simple.instances.zoned[1].uri", OTHER_ZONE::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.zoned[1].metadata.zone", () -> "zone-b");
    }

    @LocalServerPort
    int port;

    @Autowired
    Endpoints endpoints;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    void stopPeers() {
        for (Peer peer : List.of(SHEDDING_PEER, LIVE_PEER, CROWD_A, CROWD_B, OTHER_ZONE)) {
            peer.server.stop(0);
        }
    }

    @Test
    void underLoadBestEffortIsShedWhileCriticalAndHealthStillPass() throws Exception {
        endpoints.release = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> held = List.of(
                http.sendAsync(request("/slow", "best-effort").build(), HttpResponse.BodyHandlers.ofString()),
                http.sendAsync(request("/slow", "best-effort").build(), HttpResponse.BodyHandlers.ofString()));
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (endpoints.slowInFlight.get() < 2 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(endpoints.slowInFlight).hasValue(2);

        for (int i = 0; i < 3; i++) {
            var shed = send(request("/fast", "best-effort"));
            assertThat(shed.statusCode()).as(shed.body()).isEqualTo(503);
            assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(shed.headers().firstValue(LoadSheddingFilter.SHED_HEADER))
                    .hasValue("best-effort");
            assertThat(shed.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(shed.body())
                    .contains("\"type\":\"about:blank\"")
                    .contains("\"title\":\"Service overloaded\"")
                    .contains("\"status\":503")
                    .contains(
                            "\"detail\":\"kit-resilience is shedding best-effort requests under load; retry after 1 s\"")
                    .contains("\"instance\":\"/fast\"");
        }
        assertThat(send(request("/fast", "critical")).statusCode()).isEqualTo(200);
        assertThat(send(request("/fast", null)).statusCode()).as("degraded").isEqualTo(200);
        assertThat(send(request("/actuator/health", "best-effort")).statusCode())
                .isEqualTo(200);

        endpoints.release.countDown();
        for (var response : held) {
            assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        String metrics = send(request("/actuator/prometheus", null)).body();
        assertThat(metric(metrics, "reel_shedding_requests_total", "criticality=\"best-effort\"", "outcome=\"shed\""))
                .isGreaterThanOrEqualTo(3);
        assertThat(metrics).contains("reel_shedding_limit{").contains("limiter=\"kit-resilience\"");
    }

    @Test
    void aSignedLatencyFaultForThisServiceDelaysTheRequest() throws Exception {
        long started = System.nanoTime();
        var slowed =
                send(request("/fast", null).header(ChaosSigner.HEADER, sign(SERVICE, ChaosFault.Kind.LATENCY, 700)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(slowed.statusCode()).isEqualTo(200);
        assertThat(slowed.headers().firstValue(ChaosFilter.INJECTED_HEADER)).hasValue("latency");
    }

    @Test
    void faultsForAnotherServiceForgedOrExpiredDoNothing() throws Exception {
        String elsewhere = sign("playback", ChaosFault.Kind.LATENCY, 3000);
        String forged = new ChaosSigner(new byte[32])
                .sign(new ChaosFault(
                        "f-1",
                        SERVICE,
                        ChaosFault.Kind.LATENCY,
                        100,
                        3000,
                        Instant.now().plusSeconds(600)));
        String expired = SIGNER.sign(new ChaosFault(
                "f-2",
                SERVICE,
                ChaosFault.Kind.LATENCY,
                100,
                3000,
                Instant.now().minusSeconds(1)));
        double rejectedBefore =
                metric(send(request("/actuator/prometheus", null)).body(), "reel_chaos_rejected_total");

        for (String value : List.of(elsewhere, forged, expired)) {
            long started = System.nanoTime();
            var response = send(request("/fast", null).header(ChaosSigner.HEADER, value));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue(ChaosFilter.INJECTED_HEADER))
                    .isEmpty();
        }
        double rejected = metric(send(request("/actuator/prometheus", null)).body(), "reel_chaos_rejected_total");
        assertThat(rejected - rejectedBefore).isEqualTo(2.0);
    }

    @Test
    void anErrorsFaultAnswersA500Problem() throws Exception {
        var failed = send(request("/fast", null).header(ChaosSigner.HEADER, sign(SERVICE, ChaosFault.Kind.ERRORS, 0)));

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().firstValue(ChaosFilter.INJECTED_HEADER)).hasValue("errors");
        assertThat(failed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(failed.body())
                .contains("\"title\":\"Injected failure\"")
                .contains("\"detail\":\"chaos fault f-0 failed this request\"");
        assertThat(metric(
                        send(request("/actuator/prometheus", null)).body(),
                        "reel_chaos_injected_total",
                        "fault=\"errors\""))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aKillFaultAnswers503WithoutBodyAndClosesTheConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            String request = "GET /fast HTTP/1.1\r\nHost: localhost\r\n" + ChaosSigner.HEADER + ": "
                    + sign(SERVICE, ChaosFault.Kind.KILL, 0) + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            // Reading to the end only returns because the server closes the connection (else: timeout).
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 503");
            assertThat(answer.toLowerCase(java.util.Locale.ROOT))
                    .contains("\r\nconnection: close\r\n")
                    .contains("\r\nreel-chaos-injected: kill\r\n")
                    .contains("\r\ncontent-length: 0\r\n")
                    .endsWith("\r\n\r\n");
        }
    }

    @Test
    void clientsForwardTheResilienceHeadersAndRetryAShedCallOnAnotherInstance() throws Exception {
        String faultA = sign("peer", ChaosFault.Kind.LATENCY, 10);
        String faultB = sign("peer", ChaosFault.Kind.ERRORS, 0);
        LIVE_PEER.seen.clear();
        int shedBefore = SHEDDING_PEER.hits.get();

        for (int i = 0; i < 4; i++) {
            var response = send(request("/relay/peer", "critical")
                    .header(ChaosSigner.HEADER, faultA)
                    .header(ChaosSigner.HEADER, faultB)
                    .header(ChaosSigner.COHORT_HEADER, "experiment"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"live\"").doesNotContain("fallback");
        }

        assertThat(SHEDDING_PEER.hits.get() - shedBefore)
                .as("round robin sent some first attempts to the shedding instance")
                .isPositive();
        assertThat(LIVE_PEER.seen).hasSize(4).allSatisfy(headers -> {
            assertThat(headers.get(Criticality.HEADER)).containsExactly("critical");
            assertThat(headers.get(ChaosSigner.HEADER)).containsExactly(faultA, faultB);
            assertThat(headers.get(ChaosSigner.COHORT_HEADER)).containsExactly("experiment");
        });
    }

    @Test
    void aDeadInstanceInThisZoneIsEjectedAndCallsFallOverToTheOtherZone() throws Exception {
        // Discovery still lists the dead instance, and zone preference would pick it for every attempt; after its
        // first refused connection the quarantine skips it, and the retry finds the other zone's instance.
        for (int i = 0; i < 10; i++) {
            var response = send(request("/relay/zoned", "critical"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).as("call %d", i).contains("\"live\"").doesNotContain("fallback");
        }
        assertThat(OTHER_ZONE.hits).hasValue(10);
    }

    @Test
    void theRetryBudgetStopsRetriesWhenEveryInstanceSheds() throws Exception {
        int calls = 10;
        for (int i = 0; i < calls; i++) {
            var response = send(request("/relay/crowd", "critical"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("fallback");
        }

        // Unbudgeted, each call would make 3 attempts (30). The budget allows 5 retries a second plus 10 % of the
        // calls: 6 if the calls take under a second, up to 16 on a machine slow enough to need three seconds.
        int attempts = CROWD_A.hits.get() + CROWD_B.hits.get();
        assertThat(attempts).isBetween(calls + 1, calls + 16);
        assertThat(metric(
                        send(request("/actuator/prometheus", null)).body(),
                        "reel_client_retry_budget_exhausted_total",
                        "target=\"crowd\""))
                .isPositive();
    }

    private static String sign(String target, ChaosFault.Kind kind, int latencyMillis) {
        return SIGNER.sign(new ChaosFault(
                "f-0", target, kind, 100, latencyMillis, Instant.now().plusSeconds(600)));
    }

    /** The sum of the samples of {@code name} whose labels contain every one of {@code labels}. */
    private static double metric(String prometheus, String name, String... labels) {
        double sum = 0;
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$");
        for (String line : prometheus.lines().toList()) {
            var matcher = sample.matcher(line);
            if (matcher.matches()) {
                String found = matcher.group(1) == null ? "" : matcher.group(1);
                if (List.of(labels).stream().allMatch(found::contains)) {
                    sum += Double.parseDouble(matcher.group(2));
                }
            }
        }
        return sum;
    }

    private HttpRequest.Builder request(String path, @Nullable String criticality) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(15))
                .GET();
        if (criticality != null) {
            request.header(Criticality.HEADER, criticality);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A port nothing listens on: connections to it are refused. */
    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path chaosKey() {
        try {
            Path key = Files.createTempDirectory("kit-chaos").resolve("secrets/chaos.key");
            ChaosSigner.createKeyFile(key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChaosSigner signer() {
        try {
            return ChaosSigner.fromKeyFile(KEY).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Answer(String from) {}

    interface PeerApi {
        @GetExchange("/answer")
        Answer answer();
    }

    /** The service: no database, no broker, no component scan (so that KitTestApplication's scan skips it too). */
    @EnableAutoConfiguration(
            excludeName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
            })
    static class App {

        @Bean
        PublicRoutes publicRoutes() {
            return PublicRoutes.builder()
                    .add(HttpMethod.GET, "/slow")
                    .add(HttpMethod.GET, "/fast")
                    .add(HttpMethod.GET, "/relay/**")
                    .build();
        }

        @Bean
        Endpoints endpoints(ResilientClients clients) {
            return new Endpoints(
                    clients.create(PeerApi.class, "peer", () -> new Answer("fallback")),
                    clients.create(PeerApi.class, "crowd", () -> new Answer("fallback")),
                    clients.create(PeerApi.class, "zoned", () -> new Answer("fallback")));
        }

        @Bean
        RouterFunction<ServerResponse> routes(Endpoints endpoints) {
            return RouterFunctions.route()
                    .GET("/slow", request -> ServerResponse.ok().body(endpoints.slow()))
                    .GET("/fast", request -> ServerResponse.ok().body("fast"))
                    .GET("/relay/peer", request -> ServerResponse.ok().body(endpoints.peer.answer()))
                    .GET("/relay/crowd", request -> ServerResponse.ok().body(endpoints.crowd.answer()))
                    .GET("/relay/zoned", request -> ServerResponse.ok().body(endpoints.zoned.answer()))
                    .build();
        }
    }

    /** What the service's routes do; functional routes, since a controller would be found by KitTestApplication. */
    static class Endpoints {
        final AtomicInteger slowInFlight = new AtomicInteger();
        volatile CountDownLatch release = new CountDownLatch(0);
        final PeerApi peer;
        final PeerApi crowd;
        final PeerApi zoned;

        Endpoints(PeerApi peer, PeerApi crowd, PeerApi zoned) {
            this.peer = peer;
            this.crowd = crowd;
            this.zoned = zoned;
        }

        String slow() throws InterruptedException {
            slowInFlight.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
                return "slow";
            } finally {
                slowInFlight.decrementAndGet();
            }
        }
    }

    /** Another service's instance: one that sheds every call, or one that answers and records the headers it got. */
    private static final class Peer {
        final HttpServer server;
        final AtomicInteger hits = new AtomicInteger();
        final List<Headers> seen = new CopyOnWriteArrayList<>();

        private Peer(HttpServer server) {
            this.server = server;
        }

        static Peer start(boolean shedding) {
            try {
                Peer peer = new Peer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
                peer.server.createContext("/answer", exchange -> {
                    peer.hits.incrementAndGet();
                    peer.seen.add(new Headers(exchange.getRequestHeaders()));
                    byte[] body = (shedding
                                    ? "{\"title\":\"Service overloaded\",\"status\":503}"
                                    : "{\"from\":\"live\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    if (shedding) {
                        exchange.getResponseHeaders().set(LoadSheddingFilter.SHED_HEADER, "critical");
                        exchange.getResponseHeaders().set("Retry-After", "1");
                        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                    } else {
                        exchange.getResponseHeaders().set("Content-Type", "application/json");
                    }
                    exchange.sendResponseHeaders(shedding ? 503 : 200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                peer.server.start();
                return peer;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }
}
