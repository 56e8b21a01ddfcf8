package dev.reel.launcher.chaos;

import dev.reel.launcher.DurationConverter;
import dev.reel.launcher.LauncherException;
import dev.reel.launcher.Layout;
import dev.reel.launcher.PercentConverter;
import dev.reel.launcher.studio.ApiProblemException;
import dev.reel.launcher.studio.Json;
import dev.reel.launcher.studio.StudioException;
import dev.reel.launcher.topology.ServiceTable;
import dev.reel.resilience.ChaosFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.databind.JsonNode;

/**
 * {@code reel chaos experiment}: a ChAP experiment through the gateway. The gateway puts a slice of accounts in a
 * control cohort and an equal slice in an experiment cohort whose requests carry the fault, compares their playback
 * starts, and stops the experiment early when the fault measurably hurts. This command starts it, prints the cohorts
 * every 2 s, and at the end prints the report and writes it as JSON. Ctrl-C stops the experiment.
 */
@Command(
        name = "experiment",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a ChAP experiment: a fault for an experiment cohort of accounts, compared with an equal control"
                    + " cohort; stopped early when it hurts playback starts.",
            "Exit code: 0 completed, 2 stopped as harmful, 1 otherwise (stopped by a user, gateway gone)."
        })
final class ExperimentCommand extends ChaosCall {

    /** How often the cohorts are printed. */
    static final Duration POLL = Duration.ofSeconds(2);

    @Option(names = "--target", required = true, paramLabel = "SERVICE", description = "The service to fault.")
    String target;

    @Option(
            names = "--fault",
            required = true,
            paramLabel = "latency|errors|kill",
            converter = KindConverter.class,
            description = "What the experiment cohort's requests to the target get.")
    ChaosFault.Kind fault;

    @Option(names = "--ms", paramLabel = "MILLIS", description = "The added delay of a latency fault, 1..60000 ms.")
    @Nullable
    Integer millis;

    @Option(
            names = "--percent",
            paramLabel = "PERCENT",
            defaultValue = "100",
            converter = PercentConverter.class,
            description = "The share of the experiment cohort's requests hit (default: ${DEFAULT-VALUE}).")
    int percent;

    @Option(
            names = "--traffic",
            required = true,
            paramLabel = "PERCENT",
            converter = PercentConverter.class,
            description = "The share of accounts in each cohort, 1..50 (5%%: 5%% control, 5%% experiment).")
    int traffic;

    @Option(
            names = "--duration",
            required = true,
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long it runs unless stopped earlier, at most 1h.")
    Duration duration;

    @Option(
            names = "--margin",
            paramLabel = "PERCENT",
            defaultValue = "10",
            converter = PercentConverter.class,
            description =
                    "How much worse the experiment cohort may do before it is stopped (default: ${DEFAULT-VALUE}).")
    int margin;

    @Option(
            names = "--min-starts",
            paramLabel = "N",
            defaultValue = "20",
            description = "Control starts needed before a verdict (default: ${DEFAULT-VALUE}).")
    int minStarts;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "Where to write the JSON report (default: <data>/chaos/experiment-<id>.json).")
    @Nullable
    Path report;

    @Override
    void validate() {
        if (ServiceTable.find(target).isEmpty()) {
            throw usageError("--target: unknown service '" + target + "'; known services: "
                    + String.join(", ", ServiceTable.names()));
        }
        if (fault == ChaosFault.Kind.LATENCY && (millis == null || millis < 1 || millis > 60_000)) {
            throw usageError("--fault latency needs --ms between 1 and 60000");
        }
        if (fault != ChaosFault.Kind.LATENCY && millis != null) {
            throw usageError("--ms only goes with --fault latency");
        }
        if (percent < 1) {
            throw usageError("--percent must be between 1 and 100");
        }
        if (traffic < 1 || traffic > 50) {
            throw usageError("--traffic must be between 1% and 50%, not " + traffic + "%");
        }
        if (duration.toMillis() < 1000 || duration.compareTo(ChaosCommand.MAX_FAULT) > 0) {
            throw usageError("--duration must be between 1s and 1h, not " + DurationConverter.format(duration));
        }
        if (minStarts < 1) {
            throw usageError("--min-starts must be at least 1");
        }
    }

    @Override
    int run(ChaosApi chaos, Layout layout, Console console) throws InterruptedException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("target", target);
        request.put("fault", fault.label());
        request.put("latencyMs", millis != null ? millis : 0);
        request.put("percent", percent);
        request.put("trafficPercent", traffic);
        request.put("durationSeconds", ChaosCommand.seconds(duration));
        request.put("marginPercent", margin);
        request.put("minStarts", minStarts);
        JsonNode experiment = chaos.startExperiment(request);
        String id = experiment.path("id").asString("");
        console.line(String.format(
                Locale.ROOT,
                "experiment %s started: %s on %s for %d%% of accounts in each cohort until %s (stopped early when"
                        + " the experiment cohort does more than %d%% worse, after %d control starts)",
                id,
                ExperimentReport.faultText(experiment),
                target,
                traffic,
                Console.clock(Json.text(experiment, "endsAt")),
                margin,
                minStarts));
        try (CtrlC ctrlC = CtrlC.interruptsThisThread()) {
            try {
                experiment = follow(chaos, id, console);
            } catch (InterruptedException e) {
                console.line(CtrlC.describe(ctrlC) + ": stopping experiment " + id);
                experiment = chaos.stopExperiment(id);
            }
            finish(experiment, layout, console);
            return ExperimentReport.exitCode(experiment);
        }
    }

    /** Polls until the experiment is no longer running; returns its last state. */
    private static JsonNode follow(ChaosApi chaos, String id, Console console) throws InterruptedException {
        while (true) {
            Thread.sleep(POLL);
            JsonNode experiment;
            try {
                experiment = chaos.experimentRaw(id);
            } catch (StudioException e) {
                if (!e.isTransient()) {
                    throw e instanceof ApiProblemException problem
                            ? ChaosApi.failure(problem)
                            : new LauncherException(e.getMessage(), 1);
                }
                console.line("gateway unavailable, still trying: " + e.getMessage());
                continue;
            }
            console.line(ExperimentReport.progressLine(experiment));
            if (!experiment.path("state").asString("").equals(ExperimentReport.RUNNING)) {
                return experiment;
            }
        }
    }

    private void finish(JsonNode experiment, Layout layout, Console console) {
        console.plain("");
        ExperimentReport.report(experiment).forEach(console::plain);
        Path file = report != null
                ? report
                : layout.dataDirectory()
                        .resolve("chaos")
                        .resolve("experiment-" + experiment.path("id").asString("unknown") + ".json");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(experiment) + "\n");
            console.plain("Report: " + file);
        } catch (IOException e) {
            console.plain("Could not write the report to " + file + ": " + e.getMessage());
        }
    }

    /** Parses {@code --fault}. */
    static final class KindConverter implements ITypeConverter<ChaosFault.Kind> {
        @Override
        public ChaosFault.Kind convert(String value) {
            try {
                return ChaosFault.Kind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
