package dev.reel.launcher;

import dev.reel.loadgen.LoadGenerator;
import dev.reel.loadgen.LoadOptions;
import dev.reel.loadgen.LoadSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code reel load}: simulated viewers pressing Play at a steady rate against the gateway (ops/loadgen), with a progress
 * line every few seconds, a summary and a JSON report. Exit code 0 when every start succeeded and no viewing event was
 * lost, 2 otherwise.
 */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = {
            "Plays titles as simulated viewers at a fixed rate of starts (open loop) through the gateway: home, a"
                    + " playback session, the first segment from an edge, a heartbeat and a stop.",
            "Exit code: 0 when every start succeeded and no viewing event was lost, 2 otherwise."
        })
final class LoadCommand implements Callable<Integer> {

    /** Exit code when some starts failed or events were lost. */
    static final int NOT_OK = 2;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Mixin
    private DataDirOption dataDirectory = new DataDirOption();

    @Option(
            names = "--starts-per-second",
            required = true,
            paramLabel = "N",
            description = "Play starts per second (may be fractional, e.g. 0.5).")
    private double startsPerSecond;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            defaultValue = "1m",
            converter = DurationConverter.class,
            description = "How long starts are scheduled (default: ${DEFAULT-VALUE}).")
    private Duration duration = Duration.ofMinutes(1);

    @Option(
            names = "--viewers",
            paramLabel = "K",
            defaultValue = "0",
            description = "Simulated viewers (accounts), 1.." + LoadOptions.MAX_VIEWERS
                    + " (default: enough for the rate: max(8, 6 x N)).")
    private int viewers;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "Where to write the JSON report (default: <data>/load/load-<timestamp>.json).")
    private @Nullable Path report;

    @Option(
            names = "--gateway",
            paramLabel = "URL",
            defaultValue = "http://localhost:8080",
            description = "The gateway of the running Reel (default: ${DEFAULT-VALUE}).")
    private URI gateway = URI.create("http://localhost:8080");

    @Option(
            names = "--report-every",
            paramLabel = "DURATION",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "How often a progress line is printed (default: ${DEFAULT-VALUE}).")
    private Duration reportEvery = Duration.ofSeconds(5);

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Layout layout = dataDirectory.layout();
        Path file = report != null
                ? report
                : layout.dataDirectory()
                        .resolve("load")
                        .resolve("load-" + LocalDateTime.now().format(STAMP) + ".json");
        LoadOptions options;
        try {
            options = new LoadOptions(gateway, startsPerSecond, duration, viewers, reportEvery, file);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new LauncherException("Cannot create the report's directory: " + e.getMessage(), 1);
        }
        spec.commandLine().getOut().flush();
        LoadSummary summary;
        try {
            summary = LoadGenerator.run(options, System.out);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new LauncherException("reel load failed: " + e.getMessage(), 1);
        }
        System.out.println(
                summary.ok()
                        ? "load: OK (every start succeeded, no viewing event lost)"
                        : "load: NOT OK (" + summary.failedStarts() + " failed starts, " + summary.lostEvents()
                                + " lost viewing events)");
        System.out.flush();
        return summary.ok() ? 0 : NOT_OK;
    }
}
