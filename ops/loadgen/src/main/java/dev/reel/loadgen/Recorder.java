package dev.reel.loadgen;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a run counts, for the progress lines (per interval) and the summary (whole run). Thread-safe: every
 * viewer records into it while the reporter takes intervals.
 */
final class Recorder {

    /** The errors key of a call that got no answer: connection refused or reset, or a timeout. */
    static final String NO_ANSWER = "io";

    private final Totals total = new Totals();
    private Totals interval = new Totals();

    /** Counts of one stretch of the run. Not thread-safe; guarded by the recorder. */
    private static final class Totals {
        long attempted;
        long succeeded;
        long failed;
        long homeFailures;
        long retries;
        long budgetExhausted;
        final Samples timeToStart = new Samples();
        final Samples home = new Samples();
        final Map<String, Long> errors = new TreeMap<>();
        final Map<String, Long> reasons = new TreeMap<>();
    }

    /** A growable array of millisecond samples. */
    private static final class Samples {
        private long[] values = new long[64];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        Percentiles percentiles() {
            return Percentiles.of(Arrays.copyOf(values, size));
        }
    }

    /** What one progress line shows. */
    record Interval(
            long succeeded,
            long failed,
            long retries,
            Percentiles timeToStart,
            Percentiles home,
            Map<String, Long> errors) {

        /** Whether anything happened in the interval. */
        boolean empty() {
            return succeeded == 0 && failed == 0 && retries == 0 && home.count() == 0 && errors.isEmpty();
        }

        /** The progress line: {@code elapsed} into the run, over an interval of {@code seconds}. */
        String line(Duration elapsed, double seconds) {
            return String.format(
                    Locale.ROOT,
                    "load: %5ds  sps %6.2f  failed %d  retries %d  tts p50 %d p95 %d p99 %d ms  home p99 %d ms  errors %s",
                    Math.round(elapsed.toMillis() / 1000.0),
                    seconds > 0 ? succeeded / seconds : 0.0,
                    failed,
                    retries,
                    timeToStart.at(0.50),
                    timeToStart.at(0.95),
                    timeToStart.at(0.99),
                    home.at(0.99),
                    LoadSummary.sorted(errors));
        }
    }

    synchronized void attempted() {
        total.attempted++;
        interval.attempted++;
    }

    synchronized void succeeded(long timeToStartMillis) {
        for (Totals t : both()) {
            t.succeeded++;
            t.timeToStart.add(timeToStartMillis);
        }
    }

    synchronized void failed(String reason) {
        for (Totals t : both()) {
            t.failed++;
            t.reasons.merge(reason, 1L, Long::sum);
        }
    }

    synchronized void home(long millis) {
        for (Totals t : both()) {
            t.home.add(millis);
        }
    }

    synchronized void homeFailed() {
        for (Totals t : both()) {
            t.homeFailures++;
        }
    }

    synchronized void retried() {
        for (Totals t : both()) {
            t.retries++;
        }
    }

    synchronized void budgetExhausted() {
        for (Totals t : both()) {
            t.budgetExhausted++;
        }
    }

    /** An answer that was not a success: its HTTP status, or {@link #NO_ANSWER}. */
    synchronized void error(String status) {
        for (Totals t : both()) {
            t.errors.merge(status, 1L, Long::sum);
        }
    }

    synchronized long retries() {
        return total.retries;
    }

    synchronized long attemptedStarts() {
        return total.attempted;
    }

    /** The counts since the previous call (or the start), and begins a new interval. */
    synchronized Interval takeInterval() {
        Totals done = interval;
        interval = new Totals();
        return new Interval(
                done.succeeded,
                done.failed,
                done.retries,
                done.timeToStart.percentiles(),
                done.home.percentiles(),
                Map.copyOf(done.errors));
    }

    /** The whole run's summary, given what the recorder does not count itself. */
    synchronized LoadSummary summary(
            LoadOptions options,
            int viewers,
            long overruns,
            EventCheck.Result events,
            Instant startedAt,
            Instant endedAt) {
        double seconds = options.duration().toNanos() / 1e9;
        Percentiles tts = total.timeToStart.percentiles();
        Percentiles home = total.home.percentiles();
        return new LoadSummary(
                options.startsPerSecond(),
                seconds,
                viewers,
                total.attempted,
                total.succeeded,
                total.failed,
                overruns,
                total.succeeded / seconds,
                new LoadSummary.StartLatency(tts.at(0.50), tts.at(0.95), tts.at(0.99), tts.max()),
                new LoadSummary.HomeLatency(home.at(0.50), home.at(0.95), home.at(0.99)),
                total.homeFailures,
                total.retries,
                total.budgetExhausted,
                total.errors,
                total.reasons,
                events.checked(),
                events.stored(),
                events.checked() - events.stored(),
                startedAt,
                endedAt);
    }

    private Totals[] both() {
        return new Totals[] {total, interval};
    }
}
