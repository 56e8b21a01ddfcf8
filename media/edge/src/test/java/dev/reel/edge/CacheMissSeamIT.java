package dev.reel.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.edgetoken.EdgeTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the server's side of the {@link CacheMissHandler} seam with a handler written for the
 * test: a fill that completes later on another thread is served, a fill that finds nothing is 404
 * and a failed fill is 502. {@link OriginFillIT} covers the real handler.
 */
class CacheMissSeamIT {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path root;

    private static ExecutorService filler;
    private static EdgeServer server;
    private static HttpClient client;
    private static String token;

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(Files.createDirectories(root.resolve("title1")).resolve("present.m4s"), "present");
        filler = Executors.newSingleThreadExecutor();
        CacheMissHandler handler = (titleId, path) -> fill(titleId, path);
        server = EdgeServer.start(EdgeSettings.of(0, root, Map.of("k1", SECRET)).withMissHandler(handler));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        token = EdgeTokens.sign("k1", SECRET, "/v/title1", Instant.now().plusSeconds(3600), "session-1");
    }

    private static CompletionStage<Boolean> fill(String titleId, String path) {
        return switch (path) {
            case "filled.m4s", "pipelined.m4s" ->
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                Thread.sleep(50);
                                Files.createDirectories(root.resolve(titleId));
                                Files.writeString(root.resolve(titleId).resolve(path), "filled later");
                                return true;
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(e);
                            }
                        },
                        filler);
            case "broken.m4s" -> CompletableFuture.failedFuture(new IOException("origin down"));
            default -> CompletableFuture.supplyAsync(() -> false, filler);
        };
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (client != null) {
            client.close();
        }
        if (filler != null) {
            filler.shutdownNow();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://localhost:" + server.port() + path + "?t=" + token);
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void asynchronousFillIsServed() throws Exception {
        HttpResponse<String> response = get("/v/title1/filled.m4s");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("filled later");
        assertThat(get("/v/title1/filled.m4s").statusCode()).isEqualTo(200);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderBehindAFill() throws Exception {
        String received;
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            String requests = "GET /v/title1/pipelined.m4s?t=" + token + " HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "GET /v/title1/present.m4s?t=" + token
                    + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(out);
            received = out.toString(StandardCharsets.ISO_8859_1);
        }

        assertThat(received.split("HTTP/1.1 200 OK", -1)).hasSize(3);
        assertThat(received.indexOf("filled later")).isPositive().isLessThan(received.indexOf("present"));
    }

    @Test
    void fillThatFindsNothingIs404() throws Exception {
        assertThat(get("/v/title1/absent.m4s").statusCode()).isEqualTo(404);
    }

    @Test
    void failedFillIs502() throws Exception {
        assertThat(get("/v/title1/broken.m4s").statusCode()).isEqualTo(502);
    }
}
