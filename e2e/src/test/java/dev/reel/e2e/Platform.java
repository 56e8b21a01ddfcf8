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
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real platform, started through the {@code reel} CLI exactly as a user starts it, with its data
 * in a directory of the test's own. Output goes to {@code target/e2e-reel-up.log}. An {@linkplain #attached attached}
 * platform is one somebody else runs: the tests use it but never start, stop or restart it.
 */
public final class Platform {

    /** The repository root (the directory with {@code ./reel}). */
    public static final Path ROOT = findRoot();
    /** Where the gateway, and with it the web app, answers. */
    public static final String GATEWAY = "http://localhost:8080";

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(6);

    private final Path dataDir;
    private final List<String> upArguments;
    private final boolean attached;
    private final JsonMapper json = JsonMapper.builder().build();
    private @Nullable Process up;

    Platform(Path dataDir, List<String> upArguments) {
        this(dataDir, upArguments, false);
    }

    private Platform(Path dataDir, List<String> upArguments, boolean attached) {
        this.dataDir = dataDir;
        this.upArguments = List.copyOf(upArguments);
        this.attached = attached;
    }

    /** A platform that already runs on {@code dataDir} (started by {@code reel up} elsewhere). */
    static Platform attached(Path dataDir) {
        return new Platform(dataDir, List.of(), true);
    }

    /** Whether this platform was started by somebody else; if so {@link #start()} and {@link #stop()} refuse. */
    public boolean attached() {
        return attached;
    }

    /** Runs {@code reel up} and returns once it prints that Reel is up; fails with its output otherwise. */
    Duration start() throws IOException, InterruptedException {
        refuseIfAttached();
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
        refuseIfAttached();
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
    public Path dataDir() {
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

    /**
     * Starts another {@code reel} command on this platform's data directory without waiting for it; its output goes to
     * {@code target/e2e-<name>.log}.
     */
    Background reelInBackground(String name, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("reel").toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--data-dir", dataDir.toString()));
        Path log = ROOT.resolve("e2e/target/e2e-" + name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("REEL_SKIP_BUILD", "1");
        return new Background(builder.start(), log);
    }

    /** A {@code reel} command running in the background, and where its output goes. */
    record Background(Process process, Path log) {

        /** Waits for it to end and returns its exit code and output; kills it after {@code timeout}. */
        Cli await(Duration timeout) throws IOException, InterruptedException {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("a background reel command did not finish within " + timeout
                        + "; its output:\n" + Files.readString(log));
            }
            return new Cli(process.exitValue(), Files.readString(log));
        }
    }

    /** A catalog title by id and name. */
    public record Title(String id, String name) {}

    /** What a {@code reel} command returned. */
    record Cli(int exitCode, String output) {}

    /** The bootstrap admin's credentials that {@code reel up} generated ({@code email}, {@code password}). */
    public Properties adminCredentials() throws IOException {
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

    /**
     * Waits until the demo catalog that the first {@code reel up} seeds is complete and playable, and every CDN
     * appliance is in rotation, as a viewer needs it to press Play.
     *
     * @return the demo titles, in catalog order
     * @throws AssertionError if that is not so within {@code timeout}
     */
    public List<Title> awaitPlayableDemo(Duration timeout) throws IOException, InterruptedException {
        Properties admin = adminCredentials();
        Api api = new Api();
        String token = api.login(admin.getProperty("email"), admin.getProperty("password"));
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Api.Response demo = api.get("/api/v1/titles?genre=demo&size=20", token);
            Api.Response appliances = api.get("/api/v1/cdn/appliances?size=100", token);
            last = demo.body() + "\n" + appliances.body();
            if (demo.status() == 200 && appliances.status() == 200) {
                List<Title> titles = new ArrayList<>();
                boolean playable = true;
                for (JsonNode title : demo.json().path("items")) {
                    titles.add(new Title(
                            title.path("id").asString(), title.path("name").asString()));
                    playable &= title.path("playable").asBoolean();
                }
                JsonNode edges = appliances.json().path("items");
                boolean inRotation = !edges.isEmpty();
                for (JsonNode appliance : edges) {
                    inRotation &= appliance.path("inRotation").asBoolean();
                }
                if (titles.size() == 4 && playable && inRotation) {
                    return titles;
                }
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError(
                "the demo catalog was not playable from every edge within " + timeout + "; last seen:\n" + last);
    }

    private void refuseIfAttached() {
        if (attached) {
            throw new IllegalStateException("attached to a platform started elsewhere (" + dataDir
                    + "): the tests never start, stop or restart it");
        }
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
