package dev.reel.launcher.supervisor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Probes {@code GET http://localhost:<port>/actuator/health}. Thread-safe; close it to free its HTTP client. */
public final class HealthProbe implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    /** Probes once, giving up after {@code timeout}. Never throws. */
    public Health check(int port, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && isUp(response.body()) ? Health.UP : Health.DOWN;
        } catch (IOException | IllegalStateException e) { // IllegalStateException: probe already closed
            return Health.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.UNREACHABLE;
        }
    }

    /**
     * Polls until the server on {@code port} is {@link Health#UP}, {@code keepWaiting} turns false, or
     * {@code timeout} passes.
     *
     * @return whether it came up
     */
    public boolean awaitUp(int port, Duration timeout, BooleanSupplier keepWaiting) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (keepWaiting.getAsBoolean() && System.nanoTime() < deadline) {
            if (check(port, Duration.ofSeconds(2)) == Health.UP) {
                return true;
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    static boolean isUp(String body) {
        try {
            JsonNode status = JSON.readTree(body).get("status");
            return status != null && "UP".equals(status.asString());
        } catch (JacksonException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
