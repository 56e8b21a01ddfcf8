package dev.reel.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the public API through the gateway, as a browser or a TV app would call it. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final @Nullable String profileId;

    /** A client on this machine's usual address (127.0.0.1: isp-a's network under {@code reel up}). */
    Api() {
        this(null);
    }

    private Api(HttpClient http, @Nullable String profileId) {
        this.http = http;
        this.profileId = profileId;
    }

    /** The same client acting for a profile: every request carries {@code X-Profile-Id}. */
    Api forProfile(String profileId) {
        return new Api(http, profileId);
    }

    /** A client that connects from {@code local}, e.g. 127.0.1.7 to be a viewer in isp-b's network. */
    Api(@Nullable InetAddress local) {
        HttpClient.Builder builder =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1);
        if (local != null) {
            builder.localAddress(local);
        }
        http = builder.build();
        profileId = null;
    }

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Nullable
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Response get(String path, @Nullable String token) {
        return send("GET", path, null, token, "application/json");
    }

    Response post(String path, @Nullable Object body, @Nullable String token) {
        return send("POST", path, body == null ? "" : JSON.writeValueAsString(body), token, "application/json");
    }

    Response postRaw(String path, String body, @Nullable String token) {
        return send("POST", path, body, token, "application/json");
    }

    Response patch(String path, Object body, @Nullable String token) {
        return send("PATCH", path, JSON.writeValueAsString(body), token, "application/json");
    }

    Response delete(String path, @Nullable String token) {
        return send("DELETE", path, null, token, "application/json");
    }

    /** Logs in and returns the access token from the {@code Authorization} response header. */
    String login(String email, String password) {
        Response response = post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response.status() + " " + response.body());
        }
        String header = response.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw new IllegalStateException("login answered without a bearer token header: " + response.headers());
        }
        return header.substring("Bearer ".length());
    }

    private Response send(String method, String path, @Nullable String body, @Nullable String token, String type) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.GATEWAY + path))
                .timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", type);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (profileId != null) {
            request.header("X-Profile-Id", profileId);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
