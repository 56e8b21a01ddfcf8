package dev.reel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a player does after pressing Play: starts a session through the gateway, reads the per-session manifest, then
 * streams playlists and segments straight from the edges it was given, falling back to the next edge when one fails,
 * and asks for the licence to decrypt them.
 */
final class Viewer {

    private static final Pattern KEY_ID = Pattern.compile("KEYID=0x([0-9a-fA-F]{32})");
    private static final Pattern MAP_URI = Pattern.compile("#EXT-X-MAP:URI=\"([^\"]+)\"");

    private final Api api;
    private final String token;
    private final HttpClient edges;

    Viewer(Api api, String token, @Nullable InetAddress local) {
        this.api = api;
        this.token = token;
        HttpClient.Builder builder =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1);
        if (local != null) {
            builder.localAddress(local);
        }
        edges = builder.build();
    }

    /** A started session: the API's answer. */
    record Session(JsonNode json) {
        String id() {
            return json.get("sessionId").asString();
        }

        List<String> edgeIds() {
            List<String> ids = new ArrayList<>();
            json.get("edges").forEach(edge -> ids.add(edge.get("id").asString()));
            return ids;
        }

        List<String> baseUrls() {
            List<String> urls = new ArrayList<>();
            json.get("edges").forEach(edge -> urls.add(edge.get("baseUrl").asString()));
            return urls;
        }
    }

    /** One rendition of a session, fetched from an edge: its media playlist, init segment and first media segment. */
    record Rendition(String playlist, byte[] init, byte[] firstSegment, String keyIdHex, String segmentUrl) {}

    Api.Response play(String profileId, String titleId, Map<String, Object> device) {
        return api.post(
                "/api/v1/playback/sessions",
                Map.of("profileId", profileId, "titleId", titleId, "device", device),
                token);
    }

    Session start(String profileId, String titleId) {
        Api.Response response = play(profileId, titleId, Map.of("class", "desktop", "codecs", List.of("avc1")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return new Session(response.json());
    }

    /** Starts a session only to see where it would stream from, and stops it again so it holds no stream slot. */
    Session probe(String profileId, String titleId) {
        Session session = start(profileId, titleId);
        Api.Response stop =
                api.post("/api/v1/playback/sessions/" + session.id() + "/stop", Map.of("positionMillis", 0), token);
        assertThat(stop.status()).as(stop.body()).isEqualTo(204);
        return session;
    }

    String hlsManifest(Session session) {
        Api.Response manifest =
                api.get(session.json().get("manifests").get("hls").asString(), token);
        assertThat(manifest.status()).as(manifest.body()).isEqualTo(200);
        assertThat(manifest.contentType()).startsWith("application/vnd.apple.mpegurl");
        return manifest.body();
    }

    String dashManifest(Session session) {
        Api.Response manifest =
                api.get(session.json().get("manifests").get("dash").asString(), token);
        assertThat(manifest.status()).as(manifest.body()).isEqualTo(200);
        assertThat(manifest.contentType()).startsWith("application/dash+xml");
        return manifest.body();
    }

    /** The variant playlist URIs of a multivariant playlist, in order. */
    static List<String> variants(String master) {
        List<String> uris = new ArrayList<>();
        String[] lines = master.split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].startsWith("#EXT-X-STREAM-INF:")) {
                uris.add(lines[i + 1].strip());
            }
        }
        return uris;
    }

    /** Fetches a rendition's playlist, init and first segment from {@code playlistUrl}'s edge. */
    Rendition rendition(String playlistUrl) throws Exception {
        String playlist = new String(get(playlistUrl, null).body());
        Matcher keyId = KEY_ID.matcher(playlist);
        assertThat(keyId.find()).as(playlist).isTrue();
        Matcher map = MAP_URI.matcher(playlist);
        assertThat(map.find()).as(playlist).isTrue();
        String firstSegment = playlist.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .findFirst()
                .orElseThrow();
        URI base = URI.create(playlistUrl);
        String segmentUrl = base.resolve(firstSegment).toString();
        byte[] init = ok(get(base.resolve(map.group(1)).toString(), null));
        byte[] segment = ok(get(segmentUrl, null));
        return new Rendition(playlist, init, segment, keyId.group(1).toLowerCase(), segmentUrl);
    }

    /** GET from an edge; {@code range} is a Range header value or null. */
    HttpResponse<byte[]> get(String url, @Nullable String range) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3));
        if (range != null) {
            request.header("Range", range);
        }
        return edges.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Fetches {@code relativePath} from the first edge of the session that answers, as a player falls back down the
     * list. Returns the index of the edge that served it.
     */
    int fetchWithFallback(Session session, String relativePath) throws InterruptedException {
        List<String> bases = session.baseUrls();
        for (int i = 0; i < bases.size(); i++) {
            try {
                if (get(bases.get(i) + relativePath, null).statusCode() == 200) {
                    return i;
                }
            } catch (IOException e) {
                // this edge is gone: try the next one
            }
        }
        throw new AssertionError("no edge served " + relativePath + " from " + bases);
    }

    /** Asks the session's licence endpoint for {@code keyIdHex}; returns the key in hex, or null if not granted. */
    Api.Response licence(Session session, String keyIdHex) {
        String kid = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(HexFormat.of().parseHex(keyIdHex));
        return api.post(
                session.json().get("licence").get("url").asString(),
                Map.of("kids", List.of(kid), "type", "temporary"),
                token);
    }

    static @Nullable String keyHex(Api.Response licence, String keyIdHex) {
        String kid = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(HexFormat.of().parseHex(keyIdHex));
        for (JsonNode key : licence.json().get("keys")) {
            if (key.get("kid").asString().equals(kid)) {
                return HexFormat.of()
                        .formatHex(Base64.getUrlDecoder().decode(key.get("k").asString()));
            }
        }
        return null;
    }

    /**
     * Decrypts init + segment with ffmpeg's CENC support and decodes the result; returns ffprobe's description of the
     * decrypted video stream ({@code codec_name,width,height}).
     */
    static String decryptAndProbe(Rendition rendition, String keyHex, Path work) throws Exception {
        Path encrypted = work.resolve("encrypted-" + System.nanoTime() + ".mp4");
        Path clear = work.resolve("clear-" + System.nanoTime() + ".mp4");
        Files.write(encrypted, concat(rendition.init(), rendition.firstSegment()));
        run(
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-decryption_key",
                keyHex,
                "-i",
                encrypted.toString(),
                "-c",
                "copy",
                clear.toString());
        String decodeErrors = run("ffmpeg", "-v", "error", "-i", clear.toString(), "-f", "null", "-");
        assertThat(decodeErrors).as("decoding the decrypted segment").isBlank();
        return run(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "stream=codec_name,width,height",
                        "-of",
                        "csv=p=0",
                        clear.toString())
                .strip();
    }

    private static byte[] ok(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
        return response.body();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
