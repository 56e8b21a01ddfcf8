package dev.reel.launcher.chaos;

import dev.reel.launcher.studio.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** How {@code reel chaos experiment} and {@code status} put a ChAP experiment (the API's JSON) into words. */
final class ExperimentReport {

    /** The experiment's state while it runs. */
    static final String RUNNING = "RUNNING";

    private ExperimentReport() {}

    /** The exit code for a finished experiment: 0 completed, 2 stopped as harmful, 1 otherwise. */
    static int exitCode(JsonNode experiment) {
        return switch (experiment.path("state").asString("")) {
            case "COMPLETED" -> 0;
            case "STOPPED_HARMFUL" -> 2;
            default -> 1;
        };
    }

    /** The injected fault in words: {@code latency 2000 ms (100%)}, {@code errors (50%)}, {@code kill (100%)}. */
    static String faultText(JsonNode experiment) {
        String kind = experiment.path("fault").asString("?");
        String what = kind.equals("latency")
                ? "latency " + experiment.path("latencyMs").asLong() + " ms"
                : kind;
        return what + " (" + experiment.path("percent").asInt() + "%)";
    }

    /** A cohort in a few words: {@code 40 starts/2 failed}. */
    static String cohortBrief(JsonNode cohort) {
        return cohort.path("starts").asLong() + " starts/"
                + cohort.path("failedStarts").asLong() + " failed";
    }

    /** One progress line: state, then per cohort accounts, starts, failed starts and starts per second. */
    static String progressLine(JsonNode experiment) {
        return String.format(
                Locale.ROOT,
                "%s  control: %s | experiment: %s",
                experiment.path("state").asString("?"),
                cohortLine(experiment.path("control")),
                cohortLine(experiment.path("experiment")));
    }

    private static String cohortLine(JsonNode cohort) {
        return String.format(
                Locale.ROOT,
                "%d accounts, %d starts, %d failed, %.2f sps",
                cohort.path("accounts").asLong(),
                cohort.path("starts").asLong(),
                cohort.path("failedStarts").asLong(),
                cohort.path("sps").asDouble());
    }

    /** The final report, several lines: outcome and reason, setup, times, and a table of both cohorts. */
    static List<String> report(JsonNode experiment) {
        var lines = new ArrayList<String>();
        lines.add("Experiment " + experiment.path("id").asString("?") + ": "
                + experiment.path("state").asString("?"));
        @Nullable String reason = Json.text(experiment, "reason");
        lines.add("  reason:   " + (reason != null ? reason : "-"));
        lines.add(String.format(
                Locale.ROOT,
                "  fault:    %s on %s, %d%% of accounts per cohort, margin %d%%, at least %d control starts",
                faultText(experiment),
                experiment.path("target").asString("?"),
                experiment.path("trafficPercent").asInt(),
                experiment.path("marginPercent").asInt(),
                experiment.path("minStarts").asInt()));
        @Nullable String started = Json.text(experiment, "startedAt");
        @Nullable String ended = Json.text(experiment, "endedAt");
        lines.add("  ran:      " + Console.clock(started) + " to " + Console.clock(ended) + length(started, ended)
                + " (planned end " + Console.clock(Json.text(experiment, "endsAt")) + ")");
        var table = new Table(
                "COHORT", "ACCOUNTS", "STARTS", "FAILED", "REJECTED", "SPS", "REQUESTS", "ERRORS", "ERROR RATE");
        for (String cohort : List.of("control", "experiment")) {
            JsonNode figures = experiment.path(cohort);
            table.row(
                    cohort,
                    String.valueOf(figures.path("accounts").asLong()),
                    String.valueOf(figures.path("starts").asLong()),
                    String.valueOf(figures.path("failedStarts").asLong()),
                    String.valueOf(figures.path("rejectedStarts").asLong()),
                    String.format(Locale.ROOT, "%.2f", figures.path("sps").asDouble()),
                    String.valueOf(figures.path("requests").asLong()),
                    String.valueOf(figures.path("errors").asLong()),
                    String.format(
                            Locale.ROOT, "%.2f%%", figures.path("errorRate").asDouble() * 100));
        }
        lines.addAll(table.lines("  "));
        return lines;
    }

    private static String length(@Nullable String started, @Nullable String ended) {
        if (started == null || ended == null) {
            return "";
        }
        try {
            Duration length = Duration.between(Instant.parse(started), Instant.parse(ended));
            return String.format(Locale.ROOT, " (%.1f s)", length.toMillis() / 1000.0);
        } catch (DateTimeParseException e) {
            return "";
        }
    }
}
