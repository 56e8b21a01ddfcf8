package dev.reel.launcher.chaos;

import dev.reel.launcher.LauncherException;
import dev.reel.launcher.Layout;
import dev.reel.launcher.studio.ApiProblemException;
import dev.reel.launcher.studio.GatewayClient;
import dev.reel.launcher.studio.StudioException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's chaos API ({@code /api/v1/chaos}, admin only) for the chaos commands. Every failure becomes a
 * {@link LauncherException} with the problem in words: a 401 or 403 says an admin is needed, anything else carries the
 * gateway's problem document. Thread-safe (the Ctrl-C hook may stop an experiment while the main thread polls it).
 */
final class ChaosApi implements AutoCloseable {

    static final String BASE = "/api/v1/chaos";

    private final GatewayClient client;

    private ChaosApi(GatewayClient client) {
        this.client = client;
    }

    /**
     * Checks that the caller may use chaos and that chaos is on ({@code GET /api/v1/chaos}), and returns the API.
     * Closes {@code client} if it throws.
     *
     * @throws LauncherException (exit 1) if the gateway cannot be reached, refuses the caller, or chaos is off
     */
    static ChaosApi connect(GatewayClient client, Layout layout) throws InterruptedException {
        var api = new ChaosApi(client);
        try {
            JsonNode status = api.status();
            if (!status.path("enabled").asBoolean(false)) {
                throw new LauncherException("chaos is off (no " + layout.chaosKeyFile() + ")", 1);
            }
            return api;
        } catch (RuntimeException | InterruptedException e) {
            client.close();
            throw e;
        }
    }

    /** {@code GET /api/v1/chaos}: {@code enabled}, {@code faults} and {@code experiments}. */
    JsonNode status() throws InterruptedException {
        return call("GET", BASE, null);
    }

    /** {@code POST /api/v1/chaos/faults}; returns the fault. */
    JsonNode createFault(Map<String, Object> request) throws InterruptedException {
        return call("POST", BASE + "/faults", request);
    }

    /** {@code DELETE /api/v1/chaos/faults[?target=S]}; returns how many faults were cleared. */
    long clearFaults(@Nullable String target) throws InterruptedException {
        String path = BASE + "/faults"
                + (target != null ? "?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8) : "");
        return call("DELETE", path, null).path("cleared").asLong(0);
    }

    /** {@code POST /api/v1/chaos/experiments}; returns the experiment. */
    JsonNode startExperiment(Map<String, Object> request) throws InterruptedException {
        return call("POST", BASE + "/experiments", request);
    }

    /**
     * {@code GET /api/v1/chaos/experiments/{id}}, with the gateway's failures as they are, so a poller can tell a
     * passing outage ({@link StudioException#isTransient()}) from the end.
     */
    JsonNode experimentRaw(String id) throws InterruptedException {
        return client.json("GET", experimentPath(id), null).json();
    }

    /** {@code DELETE /api/v1/chaos/experiments/{id}}: stops it; returns the stopped experiment. */
    JsonNode stopExperiment(String id) throws InterruptedException {
        return call("DELETE", experimentPath(id), null);
    }

    private static String experimentPath(String id) {
        return BASE + "/experiments/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private JsonNode call(String method, String path, @Nullable Object body) throws InterruptedException {
        try {
            return client.json(method, path, body).json();
        } catch (ApiProblemException e) {
            throw failure(e);
        } catch (StudioException e) {
            throw new LauncherException(e.getMessage(), 1);
        }
    }

    /** The user-facing failure for a problem answer of the chaos API. */
    static LauncherException failure(ApiProblemException e) {
        return switch (e.status()) {
            case 401, 403 ->
                new LauncherException(
                        "reel chaos needs an admin: the gateway answered " + e.status() + " " + e.getMessage()
                                + ". Without --token (or $"
                                + "REEL_TOKEN) the command logs in as the admin of admin.properties.",
                        1);
            case 404 ->
                new LauncherException(
                        e.getMessage() + " (a gateway without the chaos API, or an experiment it no longer knows)", 1);
            default -> new LauncherException(e.getMessage(), 1);
        };
    }

    @Override
    public void close() {
        client.close();
    }
}
