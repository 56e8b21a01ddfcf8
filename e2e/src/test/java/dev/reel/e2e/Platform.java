package dev.reel.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real platform, started through the {@code reel} CLI exactly as a user starts it, with its data
 * in a directory of the test's own. Output goes to {@code target/e2e-reel-up.log}.
 */
final class Platform {

    static final Path ROOT = findRoot();
    static final String GATEWAY = "http://localhost:8080";
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(6);

    private final Path dataDir;
    private final List<String> upArguments;
    private final JsonMapper json = JsonMapper.builder().build();
    private Process up;

    Platform(Path dataDir, List<String> upArguments) {
        this.dataDir = dataDir;
        this.upArguments = List.copyOf(upArguments);
    }

    /** Runs {@code reel up} and returns once it prints that Reel is up; fails with its output otherwise. */
    Duration start() throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(ROOT.resolve("reel").toString(), "up", "--data-dir", dataDir.toString()));
        command.addAll(upArguments);
        Path log = ROOT.resolve("e2e/target/e2e-reel-up.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("REEL_SKIP_BUILD", "1");
        long started = System.nanoTime();
        up = builder.start();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8));
                    var out = Files.newBufferedWriter(
                            log,
                            StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (line.startsWith("Reel is up")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.complete(false);
        });
        boolean isUp;
        try {
            isUp = ready.get(BOOT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            isUp = false;
        }
        if (!isUp) {
            stop();
            throw new IllegalStateException("reel up did not come up; see " + log + ":\n" + tail(log));
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Runs {@code reel down} and waits for the {@code reel up} process to end. */
    void stop() throws IOException, InterruptedException {
        Process down = new ProcessBuilder(ROOT.resolve("reel").toString(), "down", "--data-dir", dataDir.toString())
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        ROOT.resolve("e2e/target/e2e-reel-up.log").toFile()))
                .start();
        down.waitFor(90, TimeUnit.SECONDS);
        if (up != null && !up.waitFor(60, TimeUnit.SECONDS)) {
            up.destroyForcibly();
        }
    }

    /** The data directory {@code reel up} runs on. */
    Path dataDir() {
        return dataDir;
    }

    /**
     * Runs another {@code reel} command on this platform's data directory and waits for it.
     *
     * @return its exit code and combined output
     */
    Cli reel(Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("reel").toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--data-dir", dataDir.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("REEL_SKIP_BUILD", "1");
        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("reel " + arguments[0] + " did not finish within " + timeout);
        }
        return new Cli(process.exitValue(), output.join());
    }

    /** What a {@code reel} command returned. */
    record Cli(int exitCode, String output) {}

    /** The bootstrap admin's credentials that {@code reel up} generated. */
    Properties adminCredentials() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(dataDir.resolve("admin.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    /** The launcher's view of its instances ({@code run/state.json}). */
    JsonNode state() throws IOException {
        return json.readTree(Files.readString(dataDir.resolve("run/state.json")));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isExecutable(dir.resolve("reel"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (the directory with ./reel)");
        }
        return dir;
    }
}
