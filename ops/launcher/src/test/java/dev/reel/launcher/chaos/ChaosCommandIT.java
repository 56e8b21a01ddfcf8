package dev.reel.launcher.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.launcher.ReelCommand;
import dev.reel.launcher.chaos.FakeChaosGateway.Request;
import dev.reel.launcher.studio.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** The chaos commands against an in-test HTTP server that plays the gateway's chaos API. */
class ChaosCommandIT {

    private static final String ON = "{\"enabled\":true,\"faults\":[],\"experiments\":[]}";
    private static final String COHORT =
            "{\"accounts\":%d,\"starts\":%d,\"failedStarts\":%d,\"rejectedStarts\":0,\"sps\":%s,\"requests\":%d,"
                    + "\"errors\":%d,\"errorRate\":%s}";

    @TempDir
    Path dataDirectory;

    private FakeChaosGateway gateway;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        gateway = new FakeChaosGateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private int run(String... args) {
        CommandLine commandLine = ReelCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(
                new String[] {
                    "--gateway",
                    gateway.uri().toString(),
                    "--token",
                    "admin-token",
                    "--data-dir",
                    dataDirectory.toString()
                },
                0,
                all,
                args.length,
                6);
        return commandLine.execute(all);
    }

    @Test
    void chaosOffIsAnErrorNamingTheKeyFile() {
        gateway.on("GET", "/api/v1/chaos", 200, "{\"enabled\":false,\"faults\":[],\"experiments\":[]}");

        assertThat(run("chaos", "status")).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("chaos is off (no " + dataDirectory.resolve("secrets/chaos.key") + ")");
    }

    @Test
    void aNonAdminIsToldAnAdminIsNeeded() {
        gateway.on("GET", "/api/v1/chaos", 403, "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"admins only\"}");

        assertThat(run("chaos", "latency", "--service", "personalization", "--ms", "2000"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("reel chaos needs an admin", "Forbidden: admins only");
        assertThat(gateway.requests()).extracting(Request::method).containsExactly("GET");
    }

    @Test
    void latencyPostsTheFaultAndPrintsItsIdAndEnd() {
        gateway.on("GET", "/api/v1/chaos", 200, ON)
                .on(
                        "POST",
                        "/api/v1/chaos/faults",
                        201,
                        "{\"id\":\"f-1\",\"target\":\"personalization\",\"fault\":\"latency\",\"latencyMs\":2000,"
                                + "\"percent\":50,\"startedAt\":\"2026-11-23T19:00:00Z\","
                                + "\"endsAt\":\"2026-11-23T19:10:00Z\"}");

        assertThat(run("chaos", "latency", "--service", "personalization", "--ms", "2000", "--percent", "50%"))
                .isZero();

        Request post = gateway.requests().get(1);
        assertThat(post.authorization()).isEqualTo("Bearer admin-token");
        JsonNode body = Json.parse(post.body());
        assertThat(body.path("target").asString()).isEqualTo("personalization");
        assertThat(body.path("fault").asString()).isEqualTo("latency");
        assertThat(body.path("latencyMs").asInt()).isEqualTo(2000);
        assertThat(body.path("percent").asInt()).isEqualTo(50);
        assertThat(body.path("durationSeconds").asInt()).isEqualTo(600);
        assertThat(out.toString())
                .containsPattern("\\d\\d:\\d\\d:\\d\\d  fault f-1: latency 2000 ms on 50% of personalization requests"
                        + " until " + Console.clock("2026-11-23T19:10:00Z"));
    }

    @Test
    void clearEndsTheFaultsAndRunningExperimentsOfOneService() {
        gateway.on(
                        "GET",
                        "/api/v1/chaos",
                        200,
                        "{\"enabled\":true,\"faults\":[],\"experiments\":[" + experiment("x-1", "RUNNING", "null", 0, 0)
                                + "," + experiment("x-0", "COMPLETED", "null", 0, 0) + "]}")
                .on("DELETE", "/api/v1/chaos/faults?target=playback", 200, "{\"cleared\":2}")
                .on("DELETE", "/api/v1/chaos/experiments/x-1", 200, experiment("x-1", "STOPPED_BY_USER", "null", 0, 0));

        assertThat(run("chaos", "clear", "--service", "playback", "--experiments"))
                .isZero();

        assertThat(gateway.requests())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly(
                        "GET /api/v1/chaos",
                        "DELETE /api/v1/chaos/faults?target=playback",
                        "GET /api/v1/chaos",
                        "DELETE /api/v1/chaos/experiments/x-1");
        assertThat(out.toString())
                .contains("cleared 2 faults on playback")
                .contains("stopped experiment x-1 on playback (STOPPED_BY_USER)");
    }

    @Test
    void anExperimentIsFollowedUntilItStopsAndItsReportWritten() throws Exception {
        gateway.on("GET", "/api/v1/chaos", 200, ON)
                .on("POST", "/api/v1/chaos/experiments", 201, experiment("x-7", "RUNNING", "null", 0, 0))
                .on(
                        "GET",
                        "/api/v1/chaos/experiments/x-7",
                        200,
                        experiment("x-7", "RUNNING", "null", 10, 1),
                        experiment(
                                "x-7",
                                "STOPPED_HARMFUL",
                                "\"experiment cohort: 4 starts per account vs 10 in control (z = -3.1)\"",
                                30,
                                12));
        Path report = dataDirectory.resolve("reports/x.json");

        int exit = run(
                "chaos",
                "experiment",
                "--target",
                "playback",
                "--fault",
                "errors",
                "--traffic",
                "5%",
                "--duration",
                "5m",
                "--min-starts",
                "10",
                "--report",
                report.toString());

        assertThat(exit).as(err.toString()).isEqualTo(2);
        JsonNode body = Json.parse(gateway.requests().get(1).body());
        assertThat(body.path("fault").asString()).isEqualTo("errors");
        assertThat(body.path("trafficPercent").asInt()).isEqualTo(5);
        assertThat(body.path("durationSeconds").asInt()).isEqualTo(300);
        assertThat(body.path("percent").asInt()).isEqualTo(100);
        assertThat(body.path("marginPercent").asInt()).isEqualTo(10);
        assertThat(body.path("minStarts").asInt()).isEqualTo(10);
        assertThat(out.toString())
                .contains("experiment x-7 started: errors (100%) on playback for 5% of accounts in each cohort")
                .contains("RUNNING  control: 3 accounts, 10 starts, 0 failed, 0.50 sps | experiment: 3 accounts,"
                        + " 10 starts, 1 failed, 0.50 sps")
                .contains("Experiment x-7: STOPPED_HARMFUL")
                .contains("reason:   experiment cohort: 4 starts per account vs 10 in control (z = -3.1)")
                .contains("Report: " + report);
        assertThat(out.toString().lines().filter(line -> line.strip().startsWith("experiment ")))
                .anyMatch(line -> line.contains("12"));
        JsonNode written = Json.parse(Files.readString(report));
        assertThat(written.path("state").asString()).isEqualTo("STOPPED_HARMFUL");
        assertThat(written.path("experiment").path("failedStarts").asInt()).isEqualTo(12);
    }

    @Test
    void statusPrintsFaultsAndExperimentsAsTables() {
        gateway.on(
                "GET",
                "/api/v1/chaos",
                200,
                "{\"enabled\":true,\"faults\":[{\"id\":\"f-1\",\"target\":\"search\",\"fault\":\"errors\","
                        + "\"latencyMs\":0,\"percent\":20,\"startedAt\":\"2026-11-23T19:00:00Z\","
                        + "\"endsAt\":\"2026-11-23T19:10:00Z\"}],\"experiments\":["
                        + experiment("x-1", "COMPLETED", "\"ran its course\"", 30, 0) + "]}");

        assertThat(run("chaos", "status")).isZero();

        assertThat(out.toString())
                .contains("Chaos is on.")
                .containsPattern("FAULT +TARGET +KIND +LATENCY +PERCENT +STARTED +ENDS")
                .containsPattern("f-1 +search +errors +- +20%")
                .containsPattern(
                        "x-1 +playback +errors \\(100%\\) +5% +COMPLETED .*30 starts/0 failed .*ran its course");
    }

    /** An experiment document as the contract describes it, on playback with errors. */
    private static String experiment(String id, String state, String reason, int starts, int failed) {
        String ended = state.equals("RUNNING") ? "null" : "\"2026-11-23T19:03:00Z\"";
        return "{\"id\":\"" + id + "\",\"target\":\"playback\",\"fault\":\"errors\",\"latencyMs\":0,\"percent\":100,"
                + "\"trafficPercent\":5,\"marginPercent\":10,\"minStarts\":10,\"state\":\"" + state + "\","
                + "\"reason\":" + reason + ",\"startedAt\":\"2026-11-23T19:00:00Z\","
                + "\"endsAt\":\"2026-11-23T19:05:00Z\",\"endedAt\":" + ended + ","
                + "\"control\":" + String.format(COHORT, 3, starts, 0, "0.5", starts * 4, 0, "0.0") + ","
                + "\"experiment\":" + String.format(COHORT, 3, starts, failed, "0.5", starts * 4, failed, "0.1") + "}";
    }
}
