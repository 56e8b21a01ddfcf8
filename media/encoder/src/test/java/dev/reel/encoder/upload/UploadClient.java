package dev.reel.encoder.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the encoder under test: JSON or raw bytes in, {@link Response} out. */
final class UploadClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String UPLOADS = "/api/v1/studio/uploads";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    UploadClient(int port) {
        this.base = "http://localhost:" + port;
    }

    record Response(int status, HttpResponse<String> raw) {

        JsonNode json() {
            return JSON.readTree(raw.body());
        }

        @Nullable
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** Asserts an RFC 9457 problem with this status and returns its body. */
        JsonNode problem(int expected) {
            assertThat(status).as(raw.body()).isEqualTo(expected);
            assertThat(header("Content-Type")).startsWith("application/problem+json");
            JsonNode body = json();
            assertThat(body.path("status").asInt()).isEqualTo(expected);
            assertThat(raw.body()).doesNotContain("Exception").doesNotContain("at dev.reel");
            return body;
        }

        /** Asserts this status and returns the JSON body. */
        JsonNode ok(int expected) {
            assertThat(status).as(raw.body()).isEqualTo(expected);
            return json();
        }
    }

    /** One request under construction. */
    final class Call {
        private final String method;
        private final String path;
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        private final List<String> headers = new ArrayList<>();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Call token(@Nullable String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        Call header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        Call json(Object value) {
            body = HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
            return header("Content-Type", "application/json");
        }

        /** A PATCH chunk: {@code bytes[from, to)} at {@code offset}. */
        Call chunk(long offset, byte[] bytes, int from, int to) {
            body = HttpRequest.BodyPublishers.ofByteArray(bytes, from, to - from);
            return header("Content-Type", "application/offset+octet-stream")
                    .header("Upload-Offset", Long.toString(offset));
        }

        Call bytes(String contentType, byte[] bytes) {
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return header("Content-Type", contentType);
        }

        Response send() {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body);
            for (int i = 0; i < headers.size(); i += 2) {
                request.header(headers.get(i), headers.get(i + 1));
            }
            try {
                var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    Call create(String token, Map<String, ?> body) {
        return new Call("POST", UPLOADS).token(token).json(body);
    }

    Call method(String method, String path) {
        return new Call(method, path);
    }

    Call patch(String id, String token, long offset, byte[] bytes, int from, int to) {
        return new Call("PATCH", UPLOADS + "/" + id).token(token).chunk(offset, bytes, from, to);
    }
}
