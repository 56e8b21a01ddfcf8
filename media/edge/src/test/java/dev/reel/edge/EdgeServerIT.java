package dev.reel.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.edge.cache.EvictionPolicy;
import dev.reel.edgetoken.EdgeTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EdgeServerIT {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_SECRET = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");
    private static final String SECRET_TEXT = "TOP-SECRET-OTHER-TITLE";
    private static final String OUTSIDE_TEXT = "OUTSIDE-THE-CACHE-ROOT";

    @TempDir
    static Path base;

    private static EdgeServer server;
    private static HttpClient client;
    private static byte[] segment;
    private static byte[] big;
    private static String token;

    @BeforeAll
    static void start() throws IOException {
        Path root = Files.createDirectories(base.resolve("cache"));
        Path title1 = Files.createDirectories(root.resolve("title1/video/720p"));
        Random random = new Random(42);
        segment = new byte[1000];
        random.nextBytes(segment);
        big = new byte[20 * 1024 * 1024];
        random.nextBytes(big);
        Files.write(title1.resolve("seg-1.m4s"), segment);
        Files.write(title1.resolve("big.m4s"), big);
        Files.writeString(root.resolve("title1/master.m3u8"), "#EXTM3U\n");
        Files.writeString(root.resolve("title1/manifest.mpd"), "<MPD/>");
        Files.writeString(root.resolve("title1/init.mp4"), "init");
        Files.writeString(root.resolve("title1/subs.vtt"), "WEBVTT\n");
        Files.writeString(root.resolve("title1/thumb.jpg"), "jpeg");
        Files.write(root.resolve("title1/empty.m4s"), new byte[0]);
        Files.writeString(Files.createDirectories(root.resolve("title2")).resolve("secret.txt"), SECRET_TEXT);
        Files.writeString(Files.createDirectories(root.resolve("title10")).resolve("seg-1.m4s"), SECRET_TEXT);
        Files.writeString(base.resolve("outside.txt"), OUTSIDE_TEXT);

        server = EdgeServer.start(new EdgeSettings(
                0,
                root,
                Map.of("k1", SECRET, "k2", OTHER_SECRET),
                Duration.ofSeconds(2),
                Duration.ofSeconds(30),
                Clock.fixed(NOW, ZoneOffset.UTC),
                CacheMissHandler.NONE,
                EdgeSettings.DEFAULT_CAPACITY_BYTES,
                EvictionPolicy.lru(),
                null,
                OriginFill.DEFAULT_THREADS,
                EdgeSettings.Mode.APPLIANCE,
                0));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        token = EdgeTokens.sign("k1", SECRET, "/v/title1", NOW.plusSeconds(3600), "session-1");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (client != null) {
            client.close();
        }
    }

    private static URI uri(String path, String tokenValue) {
        return URI.create("http://localhost:" + server.port() + path + "?t=" + tokenValue);
    }

    private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(uri(path, token)), headers);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder builder, String... headers) throws Exception {
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("<missing>");
    }

    /** Sends raw bytes on a fresh socket and reads until the server closes it. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String rawGet(String target) throws IOException {
        return raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    @Test
    void getServesTheFileWithEveryHeader() throws Exception {
        HttpResponse<byte[]> response = get("/v/title1/video/720p/seg-1.m4s");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(segment);
        assertThat(header(response, "content-type")).isEqualTo("video/iso.segment");
        assertThat(header(response, "content-length")).isEqualTo("1000");
        assertThat(header(response, "etag")).matches("\"[0-9a-f]+-[0-9a-f]+\\.[0-9a-f]+\"");
        assertThat(header(response, "cache-control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(header(response, "accept-ranges")).isEqualTo("bytes");
        assertThat(header(response, "last-modified")).endsWith("GMT");
        assertThat(header(response, "date")).endsWith("GMT");
    }

    @Test
    void contentTypesAndManifestCaching() throws Exception {
        assertThat(header(get("/v/title1/master.m3u8"), "content-type")).isEqualTo("application/vnd.apple.mpegurl");
        assertThat(header(get("/v/title1/master.m3u8"), "cache-control")).isEqualTo("public, max-age=2");
        assertThat(header(get("/v/title1/manifest.mpd"), "content-type")).isEqualTo("application/dash+xml");
        assertThat(header(get("/v/title1/manifest.mpd"), "cache-control")).isEqualTo("public, max-age=2");
        assertThat(header(get("/v/title1/init.mp4"), "content-type")).isEqualTo("video/mp4");
        assertThat(header(get("/v/title1/subs.vtt"), "content-type")).isEqualTo("text/vtt");
        assertThat(header(get("/v/title1/thumb.jpg"), "content-type")).isEqualTo("image/jpeg");
    }

    @Test
    void headSendsTheSameHeadersAndNoBody() throws Exception {
        HttpResponse<byte[]> getResponse = get("/v/title1/video/720p/seg-1.m4s");
        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri("/v/title1/video/720p/seg-1.m4s", token))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        for (String name : new String[] {"content-type", "content-length", "etag", "cache-control", "accept-ranges"}) {
            assertThat(header(head, name)).as(name).isEqualTo(header(getResponse, name));
        }
        String rawHead = raw("HEAD /v/title1/video/720p/seg-1.m4s?t=" + token
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(rawHead)
                .startsWith("HTTP/1.1 200")
                .contains("content-length: 1000")
                .endsWith("\r\n\r\n");
    }

    @Test
    void keepAliveServesTwoRequestsOnOneConnection() throws Exception {
        String first = "GET /v/title1/init.mp4?t=" + token + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String second =
                "GET /v/title1/subs.vtt?t=" + token + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        String received = raw(first + second);

        assertThat(received.split("HTTP/1.1 200 OK", -1)).hasSize(3);
        assertThat(received).contains("\r\n\r\ninit").endsWith("WEBVTT\n");
    }

    @Test
    void rangeFromTheStart() throws Exception {
        HttpResponse<byte[]> response = get("/v/title1/video/720p/seg-1.m4s", "Range", "bytes=0-99");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(segment, 0, 100));
        assertThat(header(response, "content-range")).isEqualTo("bytes 0-99/1000");
        assertThat(header(response, "content-length")).isEqualTo("100");
    }

    @Test
    void rangeInTheMiddle() throws Exception {
        HttpResponse<byte[]> response = get("/v/title1/video/720p/seg-1.m4s", "Range", "bytes=300-449");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(segment, 300, 450));
        assertThat(header(response, "content-range")).isEqualTo("bytes 300-449/1000");
    }

    @Test
    void suffixRange() throws Exception {
        HttpResponse<byte[]> response = get("/v/title1/video/720p/seg-1.m4s", "Range", "bytes=-500");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(segment, 500, 1000));
        assertThat(header(response, "content-range")).isEqualTo("bytes 500-999/1000");
    }

    @Test
    void openEndedRange() throws Exception {
        HttpResponse<byte[]> response = get("/v/title1/video/720p/seg-1.m4s", "Range", "bytes=100-");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(segment, 100, 1000));
        assertThat(header(response, "content-range")).isEqualTo("bytes 100-999/1000");
    }

    @Test
    void unsatisfiableRangeIs416() throws Exception {
        HttpResponse<byte[]> response = get("/v/title1/video/720p/seg-1.m4s", "Range", "bytes=1000-");

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(header(response, "content-range")).isEqualTo("bytes */1000");
        assertThat(get("/v/title1/empty.m4s", "Range", "bytes=-10").statusCode())
                .isEqualTo(416);
    }

    @Test
    void multiRangeServesTheWholeFile() throws Exception {
        HttpResponse<byte[]> response = get("/v/title1/video/720p/seg-1.m4s", "Range", "bytes=0-1,5-6");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(segment);
    }

    @Test
    void ifRangeWithAStaleEtagServesTheWholeFile() throws Exception {
        HttpResponse<byte[]> response =
                get("/v/title1/video/720p/seg-1.m4s", "Range", "bytes=0-9", "If-Range", "\"stale\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(1000);
    }

    @Test
    void ifNoneMatchIs304() throws Exception {
        String etag = header(get("/v/title1/video/720p/seg-1.m4s"), "etag");

        HttpResponse<byte[]> same = get("/v/title1/video/720p/seg-1.m4s", "If-None-Match", etag);
        HttpResponse<byte[]> listed = get("/v/title1/video/720p/seg-1.m4s", "If-None-Match", "\"x\", W/" + etag);
        HttpResponse<byte[]> other = get("/v/title1/video/720p/seg-1.m4s", "If-None-Match", "\"other\"");

        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(header(same, "etag")).isEqualTo(etag);
        assertThat(listed.statusCode()).isEqualTo(304);
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void badTokensAre403WithAProblemBody() throws Exception {
        String path = "/v/title1/video/720p/seg-1.m4s";
        String expired = EdgeTokens.sign("k1", SECRET, "/v/title1", NOW, "session-1");
        String otherTitle = EdgeTokens.sign("k1", SECRET, "/v/title2", NOW.plusSeconds(60), "session-1");
        String unknownKey = EdgeTokens.sign("k9", SECRET, "/v/title1", NOW.plusSeconds(60), "session-1");
        String wrongSecret = EdgeTokens.sign("k1", OTHER_SECRET, "/v/title1", NOW.plusSeconds(60), "session-1");
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        String rotated = EdgeTokens.sign("k2", OTHER_SECRET, "/v/title1", NOW.plusSeconds(60), "session-1");

        HttpResponse<byte[]> missing =
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)));
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(header(missing, "content-type")).isEqualTo("application/problem+json");
        assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("\"status\":403");

        for (String bad : new String[] {expired, otherTitle, unknownKey, wrongSecret, tampered, "garbage"}) {
            HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri(path, bad)));
            assertThat(response.statusCode()).as(bad).isEqualTo(403);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"title\":\"Forbidden\"");
        }
        assertThat(send(HttpRequest.newBuilder(uri(path, rotated))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void tokenForOneTitleDoesNotOpenATitleWithTheSamePrefix() throws Exception {
        HttpResponse<byte[]> response = get("/v/title10/seg-1.m4s");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain(SECRET_TEXT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v/title1/../title2/secret.txt",
                "/v/title1/%2e%2e/title2/secret.txt",
                "/v/title1/%2E%2E%2Ftitle2%2Fsecret.txt",
                "/v/title1/..%2ftitle2/secret.txt",
                "/v/title1/..\\title2\\secret.txt",
                "/v/title1/..%5ctitle2%5csecret.txt",
                "/v/title1/../../outside.txt",
                "/v/title1/%2e%2e/%2e%2e/outside.txt",
                "/v/title1//etc/passwd",
                "/v/title1/%2fetc%2fpasswd",
                "/v/title1/%2F..%2F..%2Foutside.txt",
                "/v/../outside.txt",
                "/v/title1/.%2e/title2/secret.txt",
                "http://localhost/v/title1/../title2/secret.txt",
            })
    void traversalIsRefusedAndLeaksNothing(String target) throws Exception {
        String received = rawGet(target + "?t=" + token);

        assertThat(received).startsWith("HTTP/1.1 400");
        assertThat(received)
                .doesNotContain(SECRET_TEXT)
                .doesNotContain(OUTSIDE_TEXT)
                .doesNotContain("root:");
    }

    @Test
    void missingFileIs404() throws Exception {
        HttpResponse<byte[]> response = get("/v/title1/video/720p/seg-2.m4s");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(header(response, "content-type")).isEqualTo("application/problem+json");
        assertThat(get("/v/title1/video").statusCode()).isEqualTo(404);
    }

    @Test
    void browsersOnOtherOriginsMayReadResponses() throws Exception {
        String origin = "http://localhost:8080";
        HttpResponse<byte[]> segmentResponse = get("/v/title1/video/720p/seg-1.m4s", "Origin", origin);
        HttpResponse<byte[]> forbidden =
                send(HttpRequest.newBuilder(uri("/v/title1/init.mp4", "bad")), "Origin", origin);
        HttpResponse<byte[]> preflight = send(
                HttpRequest.newBuilder(uri("/v/title1/video/720p/seg-1.m4s", token))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                "Origin",
                origin,
                "Access-Control-Request-Method",
                "GET",
                "Access-Control-Request-Headers",
                "range");

        assertThat(segmentResponse.statusCode()).isEqualTo(200);
        assertThat(header(segmentResponse, "access-control-allow-origin")).isEqualTo("*");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(header(forbidden, "access-control-allow-origin")).isEqualTo("*");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(header(preflight, "access-control-allow-origin")).isEqualTo("*");
        assertThat(header(preflight, "access-control-allow-methods")).isEqualTo("GET, HEAD");
        assertThat(header(preflight, "access-control-allow-headers")).isEqualTo("range");
    }

    @Test
    void otherMethodsAre405() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/v/title1/init.mp4", token))
                .POST(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(header(response, "allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void bigFileIsByteExact() throws Exception {
        HttpResponse<byte[]> response = get("/v/title1/video/720p/big.m4s");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "content-length")).isEqualTo(Integer.toString(big.length));
        assertThat(Arrays.equals(response.body(), big)).isTrue();

        HttpResponse<byte[]> tail = get("/v/title1/video/720p/big.m4s", "Range", "bytes=10000000-");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(Arrays.equals(tail.body(), Arrays.copyOfRange(big, 10_000_000, big.length)))
                .isTrue();
    }

    @Test
    void statsCountRequestsAndBytes() throws Exception {
        EdgeStats before = server.stats();
        get("/v/title1/video/720p/seg-1.m4s");
        get("/v/title1/nope.m4s");
        send(HttpRequest.newBuilder(uri("/v/title1/init.mp4", "garbage")));

        EdgeStats after = SettledStats.when(server, stats -> stats.hitBytes() - before.hitBytes() >= 1000);
        assertThat(after.requests() - before.requests()).isGreaterThanOrEqualTo(3);
        assertThat(after.hits() - before.hits()).isGreaterThanOrEqualTo(1);
        assertThat(after.hitBytes() - before.hitBytes()).isGreaterThanOrEqualTo(1000);
        assertThat(after.misses() - before.misses()).isGreaterThanOrEqualTo(1);
        assertThat(after.forbidden() - before.forbidden()).isGreaterThanOrEqualTo(1);
        assertThat(after.openConnections()).isGreaterThanOrEqualTo(0);
    }
}
