package dev.reel.loadgen;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outcome of one {@link LoadGenerator#run}. A start is one press of Play: home, session, the first segment from an
 * edge, a heartbeat and a stop.
 *
 * @param startsPerSecondTarget the rate asked for
 * @param durationSeconds how long starts were scheduled for
 * @param viewers the simulated viewers (accounts) used
 * @param attemptedStarts starts handed to a viewer
 * @param succeededStarts starts whose session was created and whose first media segment arrived
 * @param failedStarts attempted starts that did not succeed, after retries
 * @param overruns starts that were due while every viewer was still busy with an earlier one, so never attempted: the
 *     platform did not keep up with the schedule
 * @param sps succeeded starts per second of the schedule
 * @param timeToStartMillis from the session request to the last byte of the first media segment, succeeded starts only
 * @param homeMillis the home page, answered ones only
 * @param homeFailures starts whose home page did not load (a start goes on without it)
 * @param retries retries sent, on any call
 * @param retryBudgetExhausted retries the retry budget refused
 * @param errorsByStatus answers other than success by HTTP status, and {@code "io"} for connection failures and
 *     timeouts, on any call including retried ones
 * @param failureReasons failed starts by reason: the step, and the status with the problem's title
 * @param eventsChecked viewers whose last stopped session's bookmark was checked
 * @param eventsStored checked bookmarks that showed the stop position (within 1 s)
 * @param lostEvents {@code eventsChecked - eventsStored}
 * @param startedAt when the schedule started
 * @param endedAt when the run ended, after the event check
 */
public record LoadSummary(
        double startsPerSecondTarget,
        double durationSeconds,
        int viewers,
        long attemptedStarts,
        long succeededStarts,
        long failedStarts,
        long overruns,
        double sps,
        StartLatency timeToStartMillis,
        HomeLatency homeMillis,
        long homeFailures,
        long retries,
        long retryBudgetExhausted,
        Map<String, Long> errorsByStatus,
        Map<String, Long> failureReasons,
        long eventsChecked,
        long eventsStored,
        long lostEvents,
        Instant startedAt,
        Instant endedAt) {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Time-to-start percentiles in milliseconds (nearest rank; 0 when nothing was measured). */
    public record StartLatency(long p50, long p95, long p99, long max) {}

    /** Home page latency percentiles in milliseconds (nearest rank; 0 when nothing was measured). */
    public record HomeLatency(long p50, long p95, long p99) {}

    public LoadSummary {
        errorsByStatus = Map.copyOf(errorsByStatus);
        failureReasons = Map.copyOf(failureReasons);
    }

    /** True when no start failed and no viewing event was lost. Overruns alone do not fail a run. */
    public boolean ok() {
        return failedStarts == 0 && lostEvents == 0;
    }

    /** The summary as indented JSON, the format of the report file. */
    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** The summary for people: a few aligned lines ending with the verdict. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        line(text, "target", "%.1f starts/s for %s with %d viewers", startsPerSecondTarget, seconds(), viewers);
        line(
                text,
                "starts",
                "%d attempted, %d succeeded, %d failed, %d overruns",
                attemptedStarts,
                succeededStarts,
                failedStarts,
                overruns);
        line(text, "sps", "%.2f", sps);
        line(
                text,
                "time to start",
                "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms",
                timeToStartMillis.p50(),
                timeToStartMillis.p95(),
                timeToStartMillis.p99(),
                timeToStartMillis.max());
        line(
                text,
                "home",
                "p50 %d ms, p95 %d ms, p99 %d ms, %d failed",
                homeMillis.p50(),
                homeMillis.p95(),
                homeMillis.p99(),
                homeFailures);
        line(text, "retries", "%d sent, %d refused by the retry budget", retries, retryBudgetExhausted);
        line(text, "errors", "%s", sorted(errorsByStatus));
        line(text, "failures", "%s", sorted(failureReasons));
        line(text, "events", "%d checked, %d stored, %d lost", eventsChecked, eventsStored, lostEvents);
        line(text, "verdict", "%s", ok() ? "OK" : "FAILED (failed starts or lost events)");
        return text.toString();
    }

    private String seconds() {
        Duration duration = Duration.ofMillis(Math.round(durationSeconds * 1000));
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    static String sorted(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder text, String label, String format, Object... args) {
        text.append(String.format(Locale.ROOT, "  %-14s ", label + ":"))
                .append(String.format(Locale.ROOT, format, args))
                .append(System.lineSeparator());
    }
}
