package dev.reel.launcher.recs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reel.launcher.LauncherException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code reel recs train} against a stand-in gateway answering like personalization does, and {@code reel recs
 * generate} then {@code reel recs eval} on a small generated file.
 */
class RecsCommandIT {

    private static final String TRAINED = """
            {"modelId":"m-7","trainedAt":"2026-11-23T10:00:00Z","users":120,"items":80,
             "interactions":2400,"trainingMillis":1234}
            """;

    @TempDir
    Path directory;

    private HttpServer gateway;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/api/v1/recs/train", this::answer);
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void trainPostsAsTheAdminAndPrintsTheModel() {
        StringWriter out = new StringWriter();

        int code = run(
                out,
                "train",
                "--gateway",
                "http://localhost:" + gateway.getAddress().getPort(),
                "--token",
                "admin-token",
                "--data-dir",
                directory.toString());

        assertThat(code).isZero();
        assertThat(requests).containsExactly("POST /api/v1/recs/train Bearer admin-token");
        assertThat(out.toString())
                .contains(
                        "Model m-7 trained at 2026-11-23T10:00:00Z: 120 users, 80 items, 2400 interactions in 1.234 s");
    }

    @Test
    void generateThenEvalPrintsModelAndPopularityFigures() throws IOException {
        Path file = directory.resolve("ratings.tsv");
        StringWriter generated = new StringWriter();
        StringWriter evaluated = new StringWriter();

        int generate = run(
                generated,
                "generate",
                "--out",
                file.toString(),
                "--interactions",
                "3000",
                "--users",
                "150",
                "--items",
                "100",
                "--clusters",
                "5");
        int eval = run(evaluated, "eval", "--ratings", file.toString(), "--factors", "16", "--threads", "1");

        assertThat(generate).isZero();
        assertThat(Files.readAllLines(file)).hasSize(3000);
        assertThat(eval).isZero();
        assertThat(evaluated.toString())
                .contains("data: 150 users")
                .containsPattern("model\\s+0\\.\\d{4}\\s+0\\.\\d{4}\\s+0\\.\\d{4}")
                .containsPattern("popularity\\s+0\\.\\d{4}")
                .containsPattern("ratio\\s+\\d+\\.\\d\\dx")
                .containsPattern("training: \\d+\\.\\d{3} s");
    }

    @Test
    void aBadRatingsLineIsReportedWithItsNumber() throws IOException {
        Path file = directory.resolve("bad.tsv");
        Files.writeString(file, "1 2 3 4\n1 2\n");
        StringWriter err = new StringWriter();
        CommandLine commandLine = commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));

        int code = commandLine.execute("eval", "--ratings", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains(file + ":2: expected 'user item rating timestamp', got 2 fields");
    }

    /** The command as {@code reel} runs it: a {@link LauncherException} becomes its message and exit code. */
    private static CommandLine commandLine() {
        return new CommandLine(new RecsCommand()).setExecutionExceptionHandler((exception, commandLine, parsed) -> {
            if (exception instanceof LauncherException failure) {
                commandLine.getErr().println(failure.getMessage());
                commandLine.getErr().flush();
                return failure.exitCode();
            }
            throw exception;
        });
    }

    private int run(StringWriter out, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                        + exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] body = TRAINED.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
