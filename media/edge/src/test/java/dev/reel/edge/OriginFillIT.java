package dev.reel.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.edge.cache.EvictionPolicy;
import dev.reel.edgetoken.EdgeTokens;
import dev.reel.origin.FileSystemOriginStore;
import dev.reel.origin.Publication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge in front of a real {@link FileSystemOriginStore}: misses are fetched from origin into
 * the disk cache and served, concurrent misses share one fetch, and absence and failure upstream
 * become 404 and 502.
 */
class OriginFillIT {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int SEGMENTS = 6;

    @TempDir
    static Path base;

    private static CountingOriginStore origin;
    private static EdgeServer server;
    private static HttpClient client;
    private static String token;
    private static Publication publication;
    private static final List<byte[]> segments = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        Path source = Files.createDirectories(base.resolve("packaged/video"));
        Random random = new Random(7);
        for (int i = 0; i < SEGMENTS; i++) {
            byte[] bytes = new byte[10_000 + i * 1000];
            random.nextBytes(bytes);
            segments.add(bytes);
            Files.write(source.resolve("seg-" + i + ".m4s"), bytes);
        }
        Files.writeString(base.resolve("packaged/master.m3u8"), "#EXTM3U\n");
        origin = new CountingOriginStore(
                FileSystemOriginStore.builder().root(base.resolve("origin")).build());
        publication = origin.publish("title1", base.resolve("packaged"));

        Path cacheRoot = Files.createDirectories(base.resolve("cache"));
        server = EdgeServer.start(
                EdgeSettings.of(0, cacheRoot, Map.of("k1", SECRET)).withOrigin(origin));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        token = EdgeTokens.sign("k1", SECRET, "/v/title1", Instant.now().plusSeconds(3600), "session-1");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (client != null) {
            client.close();
        }
        if (origin != null) {
            origin.close();
        }
    }

    private static HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path + "?t=" + token))
                .build();
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return client.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aMissIsFetchedFromOriginAndTheNextRequestIsAHit() throws Exception {
        EdgeStats before = server.stats();

        HttpResponse<byte[]> first = get("/v/title1/video/seg-0.m4s");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(segments.get(0));
        assertThat(first.headers().firstValue("content-type")).hasValue("video/iso.segment");
        EdgeStats afterMiss =
                SettledStats.when(server, stats -> stats.missBytes() - before.missBytes() >= segments.get(0).length);
        assertThat(afterMiss.misses() - before.misses()).isEqualTo(1);
        assertThat(afterMiss.missBytes() - before.missBytes()).isEqualTo(segments.get(0).length);
        assertThat(afterMiss.usedBytes()).isGreaterThanOrEqualTo(segments.get(0).length);
        assertThat(afterMiss.capacityBytes()).isEqualTo(EdgeSettings.DEFAULT_CAPACITY_BYTES);

        HttpResponse<byte[]> second = get("/v/title1/video/seg-0.m4s");

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(segments.get(0));
        EdgeStats afterHit =
                SettledStats.when(server, stats -> stats.hitBytes() - afterMiss.hitBytes() >= segments.get(0).length);
        assertThat(afterHit.hits() - afterMiss.hits()).isEqualTo(1);
        assertThat(afterHit.hitBytes() - afterMiss.hitBytes()).isEqualTo(segments.get(0).length);
        assertThat(afterHit.misses()).isEqualTo(afterMiss.misses());
        assertThat(origin.opens("title1", "video/seg-0.m4s")).isEqualTo(1);
    }

    @Test
    void aVersionedPathReadsThatVersion() throws Exception {
        String path = publication.version() + "/video/seg-1.m4s";

        HttpResponse<byte[]> response = get("/v/title1/" + path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(segments.get(1));
        assertThat(origin.opens("title1", path)).isEqualTo(1);
        assertThat(get("/v/title1/v-20000101T000000000Z-000000000000/video/seg-1.m4s")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/v/title1/v-not-a-version/video/seg-1.m4s").statusCode())
                .isEqualTo(404);
    }

    @Test
    void concurrentMissesForOneObjectCauseOneOriginRead() throws Exception {
        List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            responses.add(
                    client.sendAsync(request("/v/title1/video/seg-2.m4s"), HttpResponse.BodyHandlers.ofByteArray()));
        }

        for (CompletableFuture<HttpResponse<byte[]>> response : responses) {
            assertThat(response.join().statusCode()).isEqualTo(200);
            assertThat(response.join().body()).isEqualTo(segments.get(2));
        }
        assertThat(origin.opens("title1", "video/seg-2.m4s")).isEqualTo(1);
    }

    @Test
    void aSmallCacheEvictsAndARestartedEdgeKeepsWhatItHeld() throws Exception {
        Path cacheRoot = Files.createDirectories(base.resolve("small-cache"));
        long capacity = 30_000;
        EdgeSettings settings = EdgeSettings.of(0, cacheRoot, Map.of("k1", SECRET))
                .withCache(capacity, EvictionPolicy.lru())
                .withOrigin(origin);
        String version = publication.version();
        try (EdgeServer small = EdgeServer.start(settings)) {
            for (int i = 3; i < SEGMENTS; i++) {
                HttpResponse<byte[]> response = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + small.port() + "/v/title1/" + version
                                        + "/video/seg-" + i + ".m4s?t=" + token))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.body()).isEqualTo(segments.get(i));
                assertThat(small.stats().usedBytes()).isLessThanOrEqualTo(capacity);
            }
            EdgeStats stats = small.stats();
            assertThat(stats.evictions()).isEqualTo(1);
            assertThat(stats.usedBytes()).isEqualTo(segments.get(4).length + segments.get(5).length);
            assertThat(cacheRoot.resolve("title1/" + version + "/video/seg-3.m4s"))
                    .doesNotExist();
        }

        try (EdgeServer restarted = EdgeServer.start(settings)) {
            assertThat(restarted.stats().usedBytes()).isEqualTo(segments.get(4).length + segments.get(5).length);
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + restarted.port() + "/v/title1/" + version
                                    + "/video/seg-5.m4s?t=" + token))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.body()).isEqualTo(segments.get(5));
            assertThat(restarted.stats().hits()).isEqualTo(1);
            assertThat(restarted.stats().misses()).isZero();
            assertThat(origin.opens("title1", version + "/video/seg-5.m4s")).isEqualTo(1);
        }
    }

    @Test
    void prefetchesQueueBehindEachOtherButNeverInFrontOfAMiss() throws Exception {
        Path cacheRoot = Files.createDirectories(base.resolve("prefetch-cache"));
        String held = publication.version() + "/video/seg-0.m4s";
        String queued = publication.version() + "/video/seg-2.m4s";
        int queuedOpens = origin.opens("title1", queued);
        try (EdgeServer edge = EdgeServer.start(
                EdgeSettings.of(0, cacheRoot, Map.of("k1", SECRET)).withOrigin(origin))) {
            OriginFill fill = edge.originFill();
            CountDownLatch gate = origin.hold("title1", held);
            CompletableFuture<Boolean> first = fill.prefetch("title1", held);
            CompletableFuture<Boolean> second = fill.prefetch("title1", queued);

            HttpResponse<byte[]> miss = client.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://localhost:" + edge.port() + "/v/title1/" + queued + "?t=" + token))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(miss.statusCode()).isEqualTo(200);
            assertThat(miss.body()).isEqualTo(segments.get(2));
            assertThat(first).as("the plan's fetch is still held at origin").isNotDone();
            gate.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(origin.opens("title1", queued))
                    .as("the queued prefetch found the object cached by the miss")
                    .isEqualTo(queuedOpens + 1);
            assertThat(edge.cache().contains("title1", held)).isTrue();
            assertThat(fill.prefetch("title1", "video/nothing.m4s").get(10, TimeUnit.SECONDS))
                    .isFalse();
        }
    }

    @Test
    void anObjectOriginDoesNotHaveIs404() throws Exception {
        HttpResponse<byte[]> response = get("/v/title1/video/seg-99.m4s");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(get("/v/nosuchtitle/video/seg-0.m4s").statusCode()).isEqualTo(403);
        assertThat(base.resolve("cache/title1/video/seg-99.m4s")).doesNotExist();
    }

    @Test
    void anOriginThatFailsIs502AndLeavesNothingBehind() throws Exception {
        HttpResponse<byte[]> response = get("/v/title1/video/" + CountingOriginStore.BROKEN);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        try (var files = Files.walk(base.resolve("cache"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith(".fill-"));
        }
    }
}
