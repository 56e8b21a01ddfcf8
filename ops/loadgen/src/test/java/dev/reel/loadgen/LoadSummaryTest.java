package dev.reel.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LoadSummaryTest {

    private static LoadSummary summary(long failedStarts, long lostEvents) {
        return new LoadSummary(
                5,
                60,
                30,
                300,
                300 - failedStarts,
                failedStarts,
                2,
                (300 - failedStarts) / 60.0,
                new LoadSummary.StartLatency(120, 340, 900, 1500),
                new LoadSummary.HomeLatency(40, 80, 150),
                3,
                12,
                1,
                Map.of("503", 13L, "io", 1L),
                failedStarts == 0 ? Map.of() : Map.of("session 503 Service overloaded", failedStarts),
                30,
                30 - lostEvents,
                lostEvents,
                Instant.parse("2026-11-23T18:00:00Z"),
                Instant.parse("2026-11-23T18:01:20Z"));
    }

    @Test
    void okNeedsNoFailedStartAndNoLostEvent() {
        assertThat(summary(0, 0).ok()).isTrue();
        assertThat(summary(1, 0).ok()).isFalse();
        assertThat(summary(0, 1).ok()).isFalse();
    }

    @Test
    void theJsonHasEveryFieldOfTheReport() {
        JsonNode json = JsonMapper.builder().build().readTree(summary(4, 1).toJson());

        List<String> fields = new ArrayList<>();
        json.propertyNames().forEach(fields::add);
        assertThat(fields)
                .containsExactly(
                        "startsPerSecondTarget",
                        "durationSeconds",
                        "viewers",
                        "attemptedStarts",
                        "succeededStarts",
                        "failedStarts",
                        "overruns",
                        "sps",
                        "timeToStartMillis",
                        "homeMillis",
                        "homeFailures",
                        "retries",
                        "retryBudgetExhausted",
                        "errorsByStatus",
                        "failureReasons",
                        "eventsChecked",
                        "eventsStored",
                        "lostEvents",
                        "startedAt",
                        "endedAt");
        assertThat(json.path("failedStarts").asLong()).isEqualTo(4);
        assertThat(json.path("timeToStartMillis").path("p99").asLong()).isEqualTo(900);
        assertThat(json.path("timeToStartMillis").path("max").asLong()).isEqualTo(1500);
        assertThat(json.path("homeMillis").path("p95").asLong()).isEqualTo(80);
        assertThat(json.path("homeMillis").has("max")).isFalse();
        assertThat(json.path("errorsByStatus").path("503").asLong()).isEqualTo(13);
        assertThat(json.path("failureReasons")
                        .path("session 503 Service overloaded")
                        .asLong())
                .isEqualTo(4);
        assertThat(json.path("lostEvents").asLong()).isEqualTo(1);
        assertThat(json.path("startedAt").asString()).isEqualTo("2026-11-23T18:00:00Z");
        assertThat(json.path("endedAt").asString()).isEqualTo("2026-11-23T18:01:20Z");
    }

    @Test
    void theTextBlockEndsWithTheVerdict() {
        assertThat(summary(0, 0).describe())
                .contains("5.0 starts/s for 1m with 30 viewers")
                .contains("300 attempted, 300 succeeded, 0 failed, 2 overruns")
                .contains("p50 120 ms, p95 340 ms, p99 900 ms, max 1500 ms")
                .contains("503: 13, io: 1")
                .contains("failures:      none")
                .endsWith("verdict:       OK" + System.lineSeparator());
        assertThat(summary(0, 2).describe()).contains("30 checked, 28 stored, 2 lost", "FAILED");
    }
}
