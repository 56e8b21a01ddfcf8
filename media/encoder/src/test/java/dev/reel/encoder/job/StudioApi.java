package dev.reel.encoder.job;

import dev.reel.testkit.TestHttp;
import java.io.IOException;
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

/** The encoder's studio job API over real HTTP, for the integration tests; paths are relative to the jobs root. */
final class StudioApi {

    private static final String JOBS = "/api/v1/studio/jobs";

    private final TestHttp http;
    private final HttpClient streams = HttpClient.newHttpClient();

    StudioApi(int port) {
        this.http = new TestHttp(port);
    }

    TestHttp.Response get(String path, String token) {
        return http.get(JOBS + path).token(token).send();
    }

    TestHttp.Response post(String path, String token) {
        return http.post(JOBS + path).token(token).send();
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
        HttpRequest request = HttpRequest.newBuilder(http.uri(JOBS + "/" + id + "/events"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        Thread.ofVirtual().start(() -> {
            try {
                HttpResponse<Stream<String>> response = streams.send(request, HttpResponse.BodyHandlers.ofLines());
                String event = "";
                for (String line : (Iterable<String>) response.body()::iterator) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:") && event.equals("job")) {
                        events.add(TestHttp.JSON.readTree(line.substring(5)));
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
}
