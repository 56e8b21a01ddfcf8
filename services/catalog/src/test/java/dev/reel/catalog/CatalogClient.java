package dev.reel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the catalog under test: JSON in, {@link Response} out. */
final class CatalogClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    CatalogClient(int port) {
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
        private @Nullable String body;
        private String contentType = "application/json";
        private final List<String> headers = new ArrayList<>();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Call token(@Nullable String token) {
            if (token != null) {
                headers.add("Authorization");
                headers.add("Bearer " + token);
            }
            return this;
        }

        Call header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        Call body(String json) {
            this.body = json;
            return this;
        }

        Call body(Object value) {
            this.body = JSON.writeValueAsString(value);
            return this;
        }

        Call contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        Response send() {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
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
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    Call get(String path) {
        return new Call("GET", path);
    }

    Call post(String path) {
        return new Call("POST", path);
    }

    Call put(String path) {
        return new Call("PUT", path);
    }

    Call delete(String path) {
        return new Call("DELETE", path);
    }

    Call method(String method, String path) {
        return new Call(method, path);
    }
}
