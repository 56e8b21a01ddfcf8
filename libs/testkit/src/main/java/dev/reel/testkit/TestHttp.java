package dev.reel.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for a service under test on {@code http://localhost:<port>}: build a {@link Call}, send
 * it, and assert on the {@link Response}.
 *
 * <pre>{@code
 * TestHttp api = new TestHttp(port);
 * JsonNode title = api.post("/api/v1/titles").token(admin).body(Map.of("name", "Heat")).send().ok(201);
 * api.get("/api/v1/titles/" + UUID.randomUUID()).send().problem(404);
 * }</pre>
 *
 * Connecting times out after 5 seconds and a request, unless {@link Call#timeout} says otherwise, after 60.
 * I/O failures surface as {@link IllegalStateException}; an interrupt also restores the interrupt flag.
 */
public final class TestHttp {

    /** The JSON mapper used for request bodies and {@link Response#json()}; also handy for reading events. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final String base;

    /** A client for {@code http://localhost:<port>}. */
    public TestHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The absolute URI of {@code path}, which starts with {@code /} (or {@code ?}, or is empty). */
    public URI uri(String path) {
        return URI.create(base + path);
    }

    /** A request with any method, {@code HEAD} and {@code PATCH} included. */
    public Call method(String method, String path) {
        return new Call(method, path);
    }

    public Call get(String path) {
        return method("GET", path);
    }

    public Call post(String path) {
        return method("POST", path);
    }

    public Call put(String path) {
        return method("PUT", path);
    }

    public Call patch(String path) {
        return method("PATCH", path);
    }

    public Call delete(String path) {
        return method("DELETE", path);
    }

    /** A received response with its body read as a string. */
    public record Response(int status, HttpResponse<String> raw) {

        /** The body as JSON; throws a Jackson exception when it is not JSON. */
        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        /** The first value of the header, or {@code null} when the response has none. */
        public @Nullable String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /**
         * Asserts an RFC 9457 problem with this status: {@code application/problem+json}, the same {@code status}
         * in the body, and no exception name or stack frame leaked into it. Returns the body.
         */
        public JsonNode problem(int expected) {
            assertThat(status).as(raw.body()).isEqualTo(expected);
            assertThat(header("Content-Type")).startsWith("application/problem+json");
            JsonNode body = json();
            assertThat(body.path("status").asInt()).isEqualTo(expected);
            assertThat(raw.body()).doesNotContain("Exception").doesNotContain("at dev.reel");
            return body;
        }

        /** Asserts this status and returns the JSON body. */
        public JsonNode ok(int expected) {
            assertThat(status).as(raw.body()).isEqualTo(expected);
            return json();
        }
    }

    /**
     * One request under construction; not thread-safe. Without a body the request has none and no
     * {@code Content-Type}; with one, {@code Content-Type} is {@code application/json} unless {@link #bytes} or
     * {@link #contentType} set another.
     */
    public final class Call {
        private final String method;
        private final String path;
        private final List<String> headers = new ArrayList<>();
        private HttpRequest.@Nullable BodyPublisher body;
        private String contentType = "application/json";
        private Duration timeout = REQUEST_TIMEOUT;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** Sends {@code Authorization: Bearer <token>}; a {@code null} token sends none (anonymous). */
        public Call token(@Nullable String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        /** Adds a header; calling it twice with one name sends both values. */
        public Call header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        /** The value written as JSON. */
        public Call body(Object value) {
            return body(JSON.writeValueAsString(value));
        }

        /** A raw body, sent as given (so it may be malformed on purpose). */
        public Call body(String json) {
            this.body = HttpRequest.BodyPublishers.ofString(json);
            return this;
        }

        /** The {@code Content-Type} sent with the body. */
        public Call contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        /** All of {@code bytes} as the body, with this content type. */
        public Call bytes(String contentType, byte[] bytes) {
            return bytes(contentType, bytes, 0, bytes.length);
        }

        /** {@code bytes[from, to)} as the body, with this content type; an empty range sends an empty body. */
        public Call bytes(String contentType, byte[] bytes, int from, int to) {
            this.body = HttpRequest.BodyPublishers.ofByteArray(bytes, from, to - from);
            return contentType(contentType);
        }

        /** How long to wait for the response (60 seconds unless set). */
        public Call timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Sends the request and reads the whole response body. */
        public Response send() {
            var request = HttpRequest.newBuilder(uri(path))
                    .timeout(timeout)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
            if (body != null) {
                request.header("Content-Type", contentType);
            }
            for (int i = 0; i < headers.size(); i += 2) {
                request.header(headers.get(i), headers.get(i + 1));
            }
            try {
                var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response);
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " " + path + " was interrupted", e);
            }
        }
    }
}
