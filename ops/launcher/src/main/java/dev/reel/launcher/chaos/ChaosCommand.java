package dev.reel.launcher.chaos;

import dev.reel.launcher.DurationConverter;
import dev.reel.launcher.Layout;
import dev.reel.launcher.PercentConverter;
import dev.reel.launcher.studio.Json;
import dev.reel.launcher.topology.ServiceTable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code reel chaos}: Netflix's Simian Army and ChAP on a laptop. Faults and experiments go through the gateway's
 * chaos API (admin only); the monkey and the gorilla kill local instance JVMs, which the supervisor restarts.
 */
@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        description = {
            "Chaos engineering on the running Reel (admin only; needs <data>/secrets/chaos.key, made by `reel up`).",
            "",
            "Durations: 500ms, 30s, 10m, 1h. Percentages: 5 or 5%%."
        },
        subcommands = {
            MonkeyCommand.class,
            ChaosCommand.Latency.class,
            ChaosCommand.Errors.class,
            ChaosCommand.Clear.class,
            GorillaCommand.class,
            ExperimentCommand.class,
            ChaosCommand.Status.class
        })
public final class ChaosCommand implements Callable<Integer> {

    /** The longest fault the gateway accepts. */
    static final Duration MAX_FAULT = Duration.ofHours(1);

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Whole seconds for the API, rounded up. */
    static long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    /** One fault in words: {@code latency 2000 ms on 50% of personalization requests}. */
    static String describeFault(JsonNode fault) {
        String kind = fault.path("fault").asString("?");
        String what =
                kind.equals("latency") ? "latency " + fault.path("latencyMs").asLong() + " ms" : kind;
        return what + " on " + fault.path("percent").asInt() + "% of "
                + fault.path("target").asString("?") + " requests";
    }

    /** A fault for all traffic the gateway forwards to one service. */
    abstract static class FaultCall extends ChaosCall {

        @Option(
                names = "--service",
                required = true,
                paramLabel = "SERVICE",
                description = "The service whose requests are hit (as in discovery, e.g. personalization).")
        String service;

        @Option(
                names = "--duration",
                paramLabel = "DURATION",
                defaultValue = "10m",
                converter = DurationConverter.class,
                description = "How long the fault lasts; the gateway ends it (default: ${DEFAULT-VALUE}, at most 1h).")
        Duration duration;

        /** The share of requests hit. */
        abstract int percent();

        /** The API's fault label. */
        abstract String kind();

        /** The added latency, 0 for other faults. */
        int latencyMillis() {
            return 0;
        }

        @Override
        void validate() {
            if (ServiceTable.find(service).isEmpty()) {
                throw usageError("--service: unknown service '" + service + "'; known services: "
                        + String.join(", ", ServiceTable.names()));
            }
            if (percent() < 1) {
                throw usageError("--percent must be between 1 and 100");
            }
            if (duration.compareTo(MAX_FAULT) > 0 || duration.toMillis() < 1000) {
                throw usageError("--duration must be between 1s and 1h, not " + DurationConverter.format(duration));
            }
        }

        @Override
        int run(ChaosApi chaos, Layout layout, Console console) throws InterruptedException {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("target", service);
            request.put("fault", kind());
            request.put("latencyMs", latencyMillis());
            request.put("percent", percent());
            request.put("durationSeconds", seconds(duration));
            JsonNode fault = chaos.createFault(request);
            console.line(String.format(
                    Locale.ROOT,
                    "fault %s: %s until %s (`reel chaos clear --service %s` ends it sooner)",
                    fault.path("id").asString("?"),
                    describeFault(fault),
                    Console.clock(Json.text(fault, "endsAt")),
                    service));
            return 0;
        }
    }

    /** Adds latency to a share of a service's requests. */
    @Command(
            name = "latency",
            mixinStandardHelpOptions = true,
            description = "Delays a share of the requests to a service (every request the gateway forwards).")
    static final class Latency extends FaultCall {

        @Option(names = "--ms", required = true, paramLabel = "MILLIS", description = "The added delay, 1..60000 ms.")
        int millis;

        @Option(
                names = "--percent",
                paramLabel = "PERCENT",
                defaultValue = "100",
                converter = PercentConverter.class,
                description = "The share of requests delayed (default: ${DEFAULT-VALUE}).")
        int percent;

        @Override
        int percent() {
            return percent;
        }

        @Override
        String kind() {
            return "latency";
        }

        @Override
        int latencyMillis() {
            return millis;
        }

        @Override
        void validate() {
            if (millis < 1 || millis > 60_000) {
                throw usageError("--ms must be between 1 and 60000, not " + millis);
            }
            super.validate();
        }
    }

    /** Fails a share of a service's requests with 500. */
    @Command(
            name = "errors",
            mixinStandardHelpOptions = true,
            description = "Answers a share of the requests to a service with 500 (every request the gateway forwards).")
    static final class Errors extends FaultCall {

        @Option(
                names = "--percent",
                required = true,
                paramLabel = "PERCENT",
                converter = PercentConverter.class,
                description = "The share of requests failed, 1..100.")
        int percent;

        @Override
        int percent() {
            return percent;
        }

        @Override
        String kind() {
            return "errors";
        }
    }

    /** Ends faults (and experiments). */
    @Command(
            name = "clear",
            mixinStandardHelpOptions = true,
            description =
                    "Ends every fault, or those on one service; with --experiments also stops running experiments.")
    static final class Clear extends ChaosCall {

        @Option(names = "--service", paramLabel = "SERVICE", description = "Only faults (and experiments) on this one.")
        @Nullable
        String service;

        @Option(names = "--experiments", description = "Also stop the running experiment.")
        boolean experiments;

        @Override
        int run(ChaosApi chaos, Layout layout, Console console) throws InterruptedException {
            long cleared = chaos.clearFaults(service);
            console.line("cleared " + cleared + (cleared == 1 ? " fault" : " faults")
                    + (service != null ? " on " + service : ""));
            if (experiments) {
                int stopped = 0;
                for (JsonNode experiment : chaos.status().path("experiments")) {
                    String target = experiment.path("target").asString("");
                    if (!experiment.path("state").asString("").equals("RUNNING")
                            || (service != null && !service.equals(target))) {
                        continue;
                    }
                    String id = experiment.path("id").asString("");
                    JsonNode ended = chaos.stopExperiment(id);
                    console.line("stopped experiment " + id + " on " + target + " ("
                            + ended.path("state").asString("?") + ")");
                    stopped++;
                }
                if (stopped == 0) {
                    console.line("no experiment was running" + (service != null ? " on " + service : ""));
                }
            }
            return 0;
        }
    }

    /** Shows faults and experiments. */
    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Lists the active faults and the experiments (running and the last 20).")
    static final class Status extends ChaosCall {

        @Override
        int run(ChaosApi chaos, Layout layout, Console console) throws InterruptedException {
            JsonNode status = chaos.status();
            console.plain("Chaos is on.");
            var faults = new Table("FAULT", "TARGET", "KIND", "LATENCY", "PERCENT", "STARTED", "ENDS");
            for (JsonNode fault : status.path("faults")) {
                long latency = fault.path("latencyMs").asLong(0);
                faults.row(
                        fault.path("id").asString("?"),
                        fault.path("target").asString("?"),
                        fault.path("fault").asString("?"),
                        latency > 0 ? latency + " ms" : "-",
                        fault.path("percent").asInt() + "%",
                        Console.clock(Json.text(fault, "startedAt")),
                        Console.clock(Json.text(fault, "endsAt")));
            }
            console.plain("");
            if (faults.isEmpty()) {
                console.plain("No active faults.");
            } else {
                faults.lines("").forEach(console::plain);
            }
            var experiments = new Table(
                    "EXPERIMENT",
                    "TARGET",
                    "FAULT",
                    "TRAFFIC",
                    "STATE",
                    "STARTED",
                    "ENDS/ENDED",
                    "CONTROL",
                    "EXPERIMENT",
                    "REASON");
            for (JsonNode experiment : status.path("experiments")) {
                @Nullable String ended = Json.text(experiment, "endedAt");
                experiments.row(
                        experiment.path("id").asString("?"),
                        experiment.path("target").asString("?"),
                        ExperimentReport.faultText(experiment),
                        experiment.path("trafficPercent").asInt() + "%",
                        experiment.path("state").asString("?"),
                        Console.clock(Json.text(experiment, "startedAt")),
                        Console.clock(ended != null ? ended : Json.text(experiment, "endsAt")),
                        ExperimentReport.cohortBrief(experiment.path("control")),
                        ExperimentReport.cohortBrief(experiment.path("experiment")),
                        experiment.path("reason").isNull()
                                ? "-"
                                : experiment.path("reason").asString("-"));
            }
            console.plain("");
            if (experiments.isEmpty()) {
                console.plain("No experiments.");
            } else {
                experiments.lines("").forEach(console::plain);
            }
            return 0;
        }
    }
}
