package dev.reel.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code reel cdn fill} and {@code reel cdn appliances} against a stand-in gateway that answers like steering does
 * (the JSON shapes of {@code PlanSummary} and the appliance page), checking what is sent and what is printed.
 */
class CdnCommandIT {

    private static final String PLAN = """
            {"planId":"p-1","createdAt":"2026-11-23T02:00:00Z","trigger":"ON_DEMAND","appliances":[
             {"id":"isp-a","network":"isp-a","tier":"FLASH",
              "titles":[{"titleId":"t1","version":"v-1","bytes":1000,"predictedBytes":5.0},
                        {"titleId":"t2","version":"v-2","bytes":2000,"predictedBytes":3.0}],
              "bytes":3000,"capacityBytes":2147483648,"predictedByteHitRatio":0.875,
              "fetch":[{"titleId":"t2","version":"v-2"}],"drop":["t9","t8"],"pinned":["t1"]}]}
            """;

    private static final String APPLIANCES = """
            {"items":[{"id":"isp-b","baseUrl":"http://localhost:9101","cidrs":["127.0.1.0/24"],"region":"local",
              "tier":"STORAGE","capacityBytes":2147483648,"usedBytes":1048576,"openConnections":3,
              "throughputBps":0,"hitRatioBytes":0.5,"titles":[],"inRotation":false,"lastReportAt":null,
              "appliedPlanId":null}],"page":0,"size":100,"totalItems":1,"totalPages":1}
            """;

    @TempDir
    Path directory;

    private HttpServer gateway;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/api/v1/cdn/fill", exchange -> answer(exchange, PLAN));
        gateway.createContext("/api/v1/cdn/appliances", exchange -> answer(exchange, APPLIANCES));
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void fillPostsAsTheAdminAndPrintsEachAppliancesCounts() {
        StringWriter out = new StringWriter();

        assertThat(run(out, "fill")).isZero();

        assertThat(requests).containsExactly("POST /api/v1/cdn/fill Bearer admin-token");
        assertThat(out.toString())
                .contains("Fill plan p-1")
                .containsPattern("isp-a\\s+FLASH\\s+2\\s+\\S+ \\S+\\s+\\S+ \\S+\\s+87\\.5%\\s+1\\s+2\\s+1");
    }

    @Test
    void appliancesListsRotationAndUse() {
        StringWriter out = new StringWriter();

        assertThat(run(out, "appliances")).isZero();

        assertThat(requests).containsExactly("GET /api/v1/cdn/appliances Bearer admin-token");
        assertThat(out.toString()).containsPattern("isp-b\\s+out\\s+STORAGE\\s+http://localhost:9101\\s+1\\.0 MB");
        assertThat(out.toString()).contains("50.0%");
    }

    private int run(StringWriter out, String subcommand) {
        CommandLine commandLine = ReelCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(
                "cdn",
                subcommand,
                "--gateway",
                "http://localhost:" + gateway.getAddress().getPort(),
                "--token",
                "admin-token",
                "--data-dir",
                directory.toString());
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        requests.add(
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                        + exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
