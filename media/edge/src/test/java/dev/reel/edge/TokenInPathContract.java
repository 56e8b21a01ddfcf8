package dev.reel.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.edgetoken.EdgeTokens;
import dev.reel.origin.FileSystemOriginStore;
import dev.reel.origin.OriginStore;
import dev.reel.origin.Publication;
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
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token-in-path form {@code /s/<token>/v/<titleId>/<version>/<path>} that playback hands out,
 * checked the same way on an appliance (cache filled from origin) and on an origin-mode edge.
 */
abstract class TokenInPathContract {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path base;

    OriginStore origin;
    EdgeServer server;
    HttpClient client;
    String titleId;
    Publication first;
    Publication second;
    byte[] segment;
    String token;

    /** Starts the edge under test over {@code origin}. */
    abstract EdgeServer start(EdgeSettings settings, OriginStore origin);

    @BeforeEach
    void publishAndStart() throws IOException {
        titleId = UUID.randomUUID().toString();
        origin = FileSystemOriginStore.builder().root(base.resolve("origin")).build();
        segment = new byte[50_000];
        new Random(3).nextBytes(segment);
        first = origin.publish(titleId, packaged("one"));
        second = origin.publish(titleId, packaged("two"));
        origin.publish("other", packaged("other"));
        Path cacheRoot = Files.createDirectories(base.resolve("cache"));
        server = start(EdgeSettings.of(0, cacheRoot, Map.of("k1", SECRET)), origin);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        token = EdgeTokens.sign(
                "k1",
                SECRET,
                "/v/" + titleId + "/" + first.version(),
                Instant.now().plusSeconds(3600),
                "s-1");
    }

    private Path packaged(String tag) throws IOException {
        Path dir = Files.createDirectories(base.resolve("packaged-" + tag + "/video/v360p"));
        Files.write(dir.resolve("seg-1.m4s"), segment);
        Files.writeString(dir.resolve("init.mp4"), "init-" + tag);
        Files.writeString(
                dir.resolve("index.m3u8"),
                "#EXTM3U\n#EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:4.0,\nseg-1.m4s\n#EXT-X-ENDLIST\n");
        Files.writeString(dir.resolve("../../master.m3u8"), "#EXTM3U\n#" + tag + "\nvideo/v360p/index.m3u8\n");
        return dir.resolve("../..").normalize();
    }

    @AfterEach
    void stop() {
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

    String sessionBase() {
        return "http://localhost:" + server.port() + "/s/" + token + "/v/" + titleId + "/" + first.version() + "/";
    }

    HttpResponse<byte[]> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends one raw request line (so that nothing normalises the target) and returns the status line. */
    String rawStatus(String target) throws IOException {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            String response = received.toString(StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }

    @Test
    void aValidTokenInThePathServesTheVersion() throws Exception {
        HttpResponse<byte[]> master = get(URI.create(sessionBase() + "master.m3u8"));

        assertThat(master.statusCode()).isEqualTo(200);
        assertThat(new String(master.body(), StandardCharsets.UTF_8)).contains("#one");
        assertThat(master.headers().firstValue("content-type")).contains("application/vnd.apple.mpegurl");
    }

    @Test
    void relativeUrisInAPlaylistResolveAgainstThePathFormAndAreServed() throws Exception {
        URI master = URI.create(sessionBase() + "master.m3u8");
        String variant = new String(get(master).body(), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.startsWith("#"))
                .findFirst()
                .orElseThrow();
        URI media = master.resolve(variant);
        HttpResponse<byte[]> playlist = get(media);
        assertThat(playlist.statusCode()).isEqualTo(200);
        String segmentUri = new String(playlist.body(), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.startsWith("#"))
                .findFirst()
                .orElseThrow();

        HttpResponse<byte[]> resolved = get(media.resolve(segmentUri));

        assertThat(media.resolve(segmentUri).getPath()).startsWith("/s/" + token + "/v/" + titleId + "/");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(resolved.body()).isEqualTo(segment);
        assertThat(get(media.resolve("init.mp4")).body()).isEqualTo("init-one".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTamperedTokenIsForbidden() throws Exception {
        int dot = token.indexOf('.');
        char flipped = token.charAt(dot + 1) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, dot + 1) + flipped + token.substring(dot + 2);
        String url = sessionBase().replace(token, tampered) + "master.m3u8";

        HttpResponse<byte[]> response = get(URI.create(url));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("signature");
    }

    @Test
    void theTokenOpensOnlyItsOwnTitleVersion() throws Exception {
        String edge = "http://localhost:" + server.port() + "/s/" + token + "/v/";

        assertThat(get(URI.create(edge + titleId + "/" + second.version() + "/master.m3u8"))
                        .statusCode())
                .as("another version of the same title")
                .isEqualTo(403);
        assertThat(get(URI.create(edge + "other/master.m3u8")).statusCode())
                .as("another title")
                .isEqualTo(403);
        assertThat(get(URI.create(edge + titleId + "/master.m3u8")).statusCode())
                .as("the title's current version through the pointer")
                .isEqualTo(403);
    }

    @Test
    void traversalInsideThePathFormIsRefusedBeforeTheTokenIsChecked() throws Exception {
        String prefix = "/s/" + token + "/v/" + titleId + "/" + first.version() + "/";

        assertThat(rawStatus(prefix + "../../other/master.m3u8")).contains(" 400 ");
        assertThat(rawStatus(prefix + "%2e%2e/%2e%2e/other/master.m3u8")).contains(" 400 ");
        assertThat(rawStatus(prefix + "video%2f..%2fmaster.m3u8")).contains(" 400 ");
        assertThat(rawStatus("/s/" + token + "/../v/other/master.m3u8")).contains(" 400 ");
        assertThat(rawStatus("/s//v/" + titleId + "/" + first.version() + "/master.m3u8"))
                .contains(" 400 ");
        assertThat(rawStatus("/s/" + token)).contains(" 400 ");
    }

    @Test
    void theQueryFormKeepsWorking() throws Exception {
        URI uri = URI.create("http://localhost:" + server.port() + "/v/" + titleId + "/" + first.version()
                + "/master.m3u8?t=" + token);

        assertThat(get(uri).statusCode()).isEqualTo(200);
    }

    @Test
    void healthAndStatsNeedNoToken() throws Exception {
        HttpResponse<byte[]> health = get(URI.create("http://localhost:" + server.port() + "/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(new String(health.body(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"UP\"}");

        get(URI.create(sessionBase() + "master.m3u8"));
        HttpResponse<byte[]> stats = get(URI.create("http://localhost:" + server.port() + "/actuator/stats"));
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(stats.headers().firstValue("content-type")).contains("application/json");
        assertThat(new String(stats.body(), StandardCharsets.UTF_8))
                .startsWith("{\"requests\":1,")
                .contains("\"openConnections\":");
    }
}
