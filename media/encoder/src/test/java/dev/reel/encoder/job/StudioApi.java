package dev.reel.encoder.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The encoder's studio job API over real HTTP, for the integration tests. */
final class StudioApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    StudioApi(int port) {
        this.base = "http://localhost:" + port + "/api/v1/studio/jobs";
    }

    record Response(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** Asserts an RFC 9457 problem with this status. */
        JsonNode problem(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            assertThat(contentType).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("status").asInt()).isEqualTo(expected);
            return problem;
        }

        JsonNode ok(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            return json();
        }
    }

    Response get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    Response post(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    JsonNode job(UUID id, String token) {
        return get("/" + id, token).ok(200);
    }

    /** Polls the job until {@code done} holds or {@code timeout} passes; returns the last state seen. */
    JsonNode await(UUID id, String token, Predicate<JsonNode> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = job(id, token);
        while (!done.test(job) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            job = job(id, token);
        }
        return job;
    }

    /**
     * Opens the job's event stream and collects every {@code job} event's JSON until the stream ends, on a background
     * thread.
     */
    List<JsonNode> streamEvents(UUID id, String token) {
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/" + id + "/events"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        Thread.ofVirtual().start(() -> {
            try {
                HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
                String event = "";
                for (String line : (Iterable<String>) response.body()::iterator) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:") && event.equals("job")) {
                        events.add(JSON.readTree(line.substring(5)));
                    }
                }
            } catch (IOException e) {
                // stream closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return events;
    }

    private Response send(HttpRequest.Builder request, String token) {
        request.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
