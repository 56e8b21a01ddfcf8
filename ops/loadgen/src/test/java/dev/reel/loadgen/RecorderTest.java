package dev.reel.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecorderTest {

    @Test
    void anIntervalCountsSinceTheLastOneAndTheSummaryCountsEverything() {
        Recorder recorder = new Recorder();
        recorder.attempted();
        recorder.succeeded(100);
        recorder.home(20);
        recorder.error("503");
        recorder.retried();

        Recorder.Interval first = recorder.takeInterval();
        assertThat(first.succeeded()).isEqualTo(1);
        assertThat(first.retries()).isEqualTo(1);
        assertThat(first.errors()).isEqualTo(Map.of("503", 1L));
        assertThat(first.line(Duration.ofSeconds(5), 5))
                .isEqualTo(
                        "load:     5s  sps   0.20  failed 0  retries 1  tts p50 100 p95 100 p99 100 ms  home p99 20 ms"
                                + "  errors 503: 1");

        recorder.attempted();
        recorder.attempted();
        recorder.failed("session 503 Service overloaded");
        recorder.succeeded(300);
        recorder.homeFailed();
        recorder.budgetExhausted();
        recorder.error(Recorder.NO_ANSWER);
        Recorder.Interval second = recorder.takeInterval();
        assertThat(second.succeeded()).isEqualTo(1);
        assertThat(second.failed()).isEqualTo(1);
        assertThat(second.timeToStart().at(0.5)).isEqualTo(300);
        assertThat(second.errors()).isEqualTo(Map.of("io", 1L));
        assertThat(recorder.takeInterval().empty()).isTrue();

        LoadOptions options = new LoadOptions(
                URI.create("http://localhost:8080"), 1.5, Duration.ofSeconds(2), 0, Duration.ofSeconds(1), null);
        Instant at = Instant.parse("2026-11-23T18:00:00Z");
        LoadSummary summary = recorder.summary(options, 8, 4, new EventCheck.Result(5, 4), at, at.plusSeconds(9));
        assertThat(summary.attemptedStarts()).isEqualTo(3);
        assertThat(summary.succeededStarts()).isEqualTo(2);
        assertThat(summary.failedStarts()).isEqualTo(1);
        assertThat(summary.overruns()).isEqualTo(4);
        assertThat(summary.sps()).isEqualTo(1.0);
        assertThat(summary.timeToStartMillis()).isEqualTo(new LoadSummary.StartLatency(100, 300, 300, 300));
        assertThat(summary.homeMillis()).isEqualTo(new LoadSummary.HomeLatency(20, 20, 20));
        assertThat(summary.homeFailures()).isEqualTo(1);
        assertThat(summary.retries()).isEqualTo(1);
        assertThat(summary.retryBudgetExhausted()).isEqualTo(1);
        assertThat(summary.errorsByStatus()).isEqualTo(Map.of("503", 1L, "io", 1L));
        assertThat(summary.failureReasons()).isEqualTo(Map.of("session 503 Service overloaded", 1L));
        assertThat(summary.lostEvents()).isEqualTo(1);
        assertThat(summary.viewers()).isEqualTo(8);
    }
}
