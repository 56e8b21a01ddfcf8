package dev.reel.edge.steering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.edge.EdgeLog;
import dev.reel.edge.EdgeServer;
import dev.reel.edge.EdgeSettings;
import dev.reel.edge.EdgeStats;
import dev.reel.edge.cache.EvictionPolicy;
import dev.reel.edgetoken.EdgeTokenVerification;
import dev.reel.edgetoken.EdgeTokens;
import dev.reel.origin.FileSystemOriginStore;
import dev.reel.origin.OriginObjectInfo;
import dev.reel.origin.OriginStore;
import dev.reel.origin.Publication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An appliance reporting to a stand-in for steering: the report's body and authorization, a fill
 * plan applied once (fetched objects become hits, a dropped title leaves the disk, a pinned title
 * survives eviction pressure), and a steering outage that the edge rides out.
 */
class SteeringReporterIT {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int SEGMENT_BYTES = 100_000;

    @TempDir
    Path base;

    private OriginStore origin;
    private EdgeServer server;
    private SteeringStandIn steering;
    private HttpClient client;
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private SteeringReporter reporter;
    private Publication fetched;
    private Publication dropped;
    private Publication pinned;
    private Publication pressure;

    @BeforeEach
    void start() throws IOException {
        origin = FileSystemOriginStore.builder().root(base.resolve("origin")).build();
        fetched = origin.publish("title-fetch", packaged("fetch", 5));
        dropped = origin.publish("title-drop", packaged("drop", 2));
        pinned = origin.publish("title-pin", packaged("pin", 3));
        pressure = origin.publish("title-load", packaged("load", 10));
        Path cacheRoot = Files.createDirectories(base.resolve("cache"));
        server = EdgeServer.start(EdgeSettings.of(0, cacheRoot, Map.of("k1", SECRET))
                .withCache(12 * SEGMENT_BYTES, EvictionPolicy.lru())
                .withOrigin(origin));
        steering = SteeringStandIn.start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private Path packaged(String tag, int segments) throws IOException {
        Path dir = Files.createDirectories(base.resolve("packaged-" + tag + "/video"));
        Random random = new Random(tag.hashCode());
        StringBuilder playlist = new StringBuilder("#EXTM3U\n");
        for (int i = 0; i < segments; i++) {
            byte[] bytes = new byte[SEGMENT_BYTES];
            random.nextBytes(bytes);
            Files.write(dir.resolve("seg-" + i + ".m4s"), bytes);
            playlist.append("seg-").append(i).append(".m4s\n");
        }
        Files.writeString(dir.resolve("index.m3u8"), playlist);
        return dir.getParent();
    }

    private void startReporter() {
        reporter = SteeringReporter.start(
                new ReporterSettings(
                        URI.create(steering.url()),
                        "isp-a",
                        "http://localhost:" + server.port(),
                        List.of("127.0.0.0/24", "::1/128"),
                        "local",
                        Tier.FLASH,
                        Duration.ofMillis(100),
                        "k1",
                        SECRET,
                        Clock.systemUTC()),
                server,
                origin,
                EdgeLog.to(new PrintStream(logged, true, StandardCharsets.UTF_8), "test"));
    }

    @AfterEach
    void stop() {
        if (reporter != null) {
            reporter.close();
        }
        if (server != null) {
            server.close();
        }
        if (steering != null) {
            steering.close();
        }
        if (client != null) {
            client.close();
        }
        if (origin != null) {
            origin.close();
        }
    }

    private int get(String titleId, String version, String path) throws Exception {
        String prefix = "/v/" + titleId + "/" + version;
        String token = EdgeTokens.sign("k1", SECRET, prefix, Instant.now().plusSeconds(600), "s-1");
        URI uri = URI.create("http://localhost:" + server.port() + "/s/" + token + prefix + "/" + path);
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String plan(String id, Publication fetch, String drop, String pin) {
        return "{\"planId\":\"" + id + "\",\"fetch\":[{\"titleId\":\"" + fetch.titleId() + "\",\"version\":\""
                + fetch.version() + "\"}],\"drop\":[\"" + drop + "\"],\"pinned\":[\"" + pin + "\"]}";
    }

    @Test
    void reportsAreSignedAndDescribeTheAppliance() throws Exception {
        assertThat(get("title-pin", pinned.version(), "video/seg-0.m4s")).isEqualTo(200);
        assertThat(get("title-pin", pinned.version(), "video/seg-1.m4s")).isEqualTo(200);
        startReporter();

        await("two reports", () -> steering.reports().size() >= 2);

        SteeringStandIn.Received received = steering.reports().getLast();
        assertThat(received.authorization()).startsWith("EdgeReport ");
        EdgeTokenVerification verification = EdgeTokens.verify(
                Map.of("k1", SECRET),
                received.authorization().substring("EdgeReport ".length()),
                "/cdn/reports/isp-a",
                Instant.now());
        assertThat(verification.isValid()).isTrue();
        assertThat(verification.token().sessionId()).isEqualTo("isp-a");
        assertThat(verification.token().expiry())
                .isBetween(Instant.now(), Instant.now().plusSeconds(61));
        JsonNode body = received.body();
        assertThat(body.get("applianceId").asString()).isEqualTo("isp-a");
        assertThat(body.get("baseUrl").asString()).isEqualTo("http://localhost:" + server.port());
        assertThat(body.get("cidrs").toString()).isEqualTo("[\"127.0.0.0/24\",\"::1/128\"]");
        assertThat(body.get("region").asString()).isEqualTo("local");
        assertThat(body.get("tier").asString()).isEqualTo("FLASH");
        assertThat(body.get("capacityBytes").asLong()).isEqualTo(12L * SEGMENT_BYTES);
        assertThat(body.get("usedBytes").asLong()).isEqualTo(2L * SEGMENT_BYTES);
        assertThat(body.get("requests").asLong()).isEqualTo(2);
        assertThat(body.get("misses").asLong()).isEqualTo(2);
        assertThat(body.get("missBytes").asLong()).isEqualTo(2L * SEGMENT_BYTES);
        assertThat(body.get("hits").asLong()).isZero();
        assertThat(body.has("openConnections")).isTrue();
        assertThat(body.has("throughputBps")).isTrue();
        assertThat(body.has("hitBytes")).isTrue();
        assertThat(body.get("appliedPlanId").isNull()).isTrue();
        assertThat(body.get("titles").toString())
                .isEqualTo("[{\"titleId\":\"title-pin\",\"version\":\"" + pinned.version() + "\",\"bytes\":"
                        + 2 * SEGMENT_BYTES + ",\"objects\":2}]");
        assertThat(steering.reports().getFirst().body().get("throughputBps").asLong())
                .as("the first report counts the bytes sent before the reporter started")
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void aPlanIsAppliedOnceFetchingDroppingAndPinning() throws Exception {
        assertThat(get("title-drop", dropped.version(), "video/seg-0.m4s")).isEqualTo(200);
        assertThat(get("title-drop", dropped.version(), "video/seg-1.m4s")).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(get("title-pin", pinned.version(), "video/seg-" + i + ".m4s"))
                    .isEqualTo(200);
        }
        steering.plan("plan-1", plan("plan-1", fetched, "title-drop", "title-pin"));
        startReporter();

        await("the plan to be reported as applied", () -> steering.reports().stream()
                .anyMatch(r -> "plan-1".equals(r.body().get("appliedPlanId").asString(null))));

        List<OriginObjectInfo> objects = origin.objects("title-fetch", fetched.version());
        for (OriginObjectInfo object : objects) {
            assertThat(server.cache().contains("title-fetch", fetched.version() + "/" + object.path()))
                    .as(object.path())
                    .isTrue();
        }
        EdgeStats before = server.stats();
        assertThat(get("title-fetch", fetched.version(), "video/seg-3.m4s")).isEqualTo(200);
        assertThat(get("title-fetch", fetched.version(), "video/index.m3u8")).isEqualTo(200);
        EdgeStats after = server.stats();
        assertThat(after.hits() - before.hits())
                .as("prefetched objects are hits")
                .isEqualTo(2);
        assertThat(after.misses()).as("and no miss").isEqualTo(before.misses());

        assertThat(server.cache().entries()).noneMatch(e -> e.titleId().equals("title-drop"));
        assertThat(base.resolve("cache/title-drop")).doesNotExist();

        // Eviction pressure: ten more segments than fit next to the pinned title.
        for (int i = 0; i < 10; i++) {
            assertThat(get("title-load", pressure.version(), "video/seg-" + i + ".m4s"))
                    .isEqualTo(200);
        }
        assertThat(server.stats().evictions()).isPositive();
        for (int i = 0; i < 3; i++) {
            assertThat(server.cache().contains("title-pin", pinned.version() + "/video/seg-" + i + ".m4s"))
                    .isTrue();
            assertThat(base.resolve("cache/title-pin/" + pinned.version() + "/video/seg-" + i + ".m4s"))
                    .isRegularFile();
        }
        assertThat(server.stats().usedBytes()).isLessThanOrEqualTo(12L * SEGMENT_BYTES);

        int reportsSoFar = steering.reports().size();
        await("two more reports", () -> steering.reports().size() >= reportsSoFar + 2);
        assertThat(logged.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("Plan plan-1 applied")))
                .as("applied once")
                .hasSize(1);
    }

    @Test
    void aSteeringOutageIsLoggedOnceAndTheEdgeKeepsServing() throws Exception {
        steering.fail(5);
        startReporter();

        assertThat(get("title-pin", pinned.version(), "video/seg-0.m4s")).isEqualTo(200);
        await("reports to be accepted again", () -> !steering.reports().isEmpty());

        List<String> lines = logged.toString(StandardCharsets.UTF_8).lines().toList();
        try (Stream<String> warnings = lines.stream().filter(l -> l.contains("answered 503"))) {
            assertThat(warnings).hasSize(1);
        }
        await("the recovery line", () -> logged.toString(StandardCharsets.UTF_8).contains("accepts reports again"));
    }
}
