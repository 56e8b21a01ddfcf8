package dev.reel.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Runs the load generator against {@link FakeReel}, a real HTTP server playing the gateway and two edges, and checks
 * its report against what the server saw.
 */
class LoadGeneratorIT {

    private static final LoadGenerator.Tuning FAST = new LoadGenerator.Tuning(
            Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofSeconds(30), 4);

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @AfterEach
    void showWhatWasPrinted() {
        System.out.print(printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void countsStartsRetriesFailuresAndLostEventsAsTheServerSawThem(@TempDir Path dir) throws Exception {
        String shed = FakeReel.TITLES.get(3);
        var faults = new FakeReel.Faults(
                shed, // viewer 3's title: every session request is shed
                true, // and the first attempt of every other start
                false,
                5, // every 5th home page is a 500
                FakeReel.TITLES.get(2), // viewer 2's segments fail on the first edge
                "-1@", // viewer 1's stops never reach its bookmark
                "-2@", // viewer 2's token is revoked after its first stop
                300);
        try (FakeReel reel = new FakeReel(faults)) {
            Path report = dir.resolve("reports/load.json");
            var options = new LoadOptions(reel.gateway(), 4, Duration.ofSeconds(3), 4, Duration.ofSeconds(1), report);

            LoadSummary summary = LoadGenerator.run(options, out, FAST);

            // Each viewer signed up from its own loopback address.
            assertThat(reel.signUpAddresses()).hasSize(4);
            assertThat(reel.signUpAddresses().entrySet()).allSatisfy(e -> assertThat(e.getValue())
                    .isEqualTo("127.0.0." + (10 + Integer.parseInt(e.getKey().replaceAll(".*-(\\d+)@.*", "$1")))));

            // Starts: what the server created and streamed, and what it shed for good.
            assertThat(summary.attemptedStarts() + summary.overruns()).isEqualTo(12);
            assertThat(summary.attemptedStarts()).isEqualTo(reel.startsTried());
            assertThat(summary.succeededStarts())
                    .isPositive()
                    .isEqualTo(reel.sessionsWithSegment())
                    .isEqualTo(reel.sessionsCreated());
            assertThat(summary.failedStarts()).isPositive().isEqualTo(reel.startsOf(shed));
            assertThat(summary.failedStarts() + summary.succeededStarts()).isEqualTo(summary.attemptedStarts());
            assertThat(summary.failureReasons())
                    .isEqualTo(Map.of("session 503 Service overloaded", summary.failedStarts()));

            // Retries: every shed session request was retried (up to 3 attempts), none refused by the budget.
            assertThat(summary.retries()).isPositive().isEqualTo(reel.sessionPosts() - reel.startsTried());
            assertThat(summary.retryBudgetExhausted()).isZero();
            assertThat(reel.startsTriedFewerThan(3)).isEqualTo(reel.startsTried() - reel.startsOf(shed));

            // Errors as sent; home failures do not fail a start; the failing edge fell back to the origin.
            assertThat(summary.errorsByStatus()).containsEntry("503", (long) reel.sent(503));
            assertThat(summary.homeFailures()).isEqualTo(reel.homeFailures());
            if (reel.homeFailures() > 0) {
                assertThat(summary.errorsByStatus()).containsEntry("500", (long) reel.homeFailures());
            }
            assertThat(reel.edgeFailures()).isPositive();
            assertThat(summary.errorsByStatus()).containsEntry("502", (long) reel.edgeFailures());

            // The revoked token: one 401, then a new login, and nothing failed for it.
            assertThat(reel.unauthorized()).isEqualTo(1);
            assertThat(reel.logins("-2@")).isEqualTo(2);
            assertThat(summary.failureReasons().keySet()).noneMatch(reason -> reason.contains("401"));

            // Events: viewers 0, 1 and 2 stopped sessions; viewer 1's stops were lost; the lag was waited out.
            assertThat(reel.stoppedProfiles())
                    .containsExactlyInAnyOrder(reel.profileOf("-0@"), reel.profileOf("-1@"), reel.profileOf("-2@"));
            assertThat(summary.eventsChecked()).isEqualTo(3);
            assertThat(summary.eventsStored()).isEqualTo(2);
            assertThat(summary.lostEvents()).isEqualTo(1);
            assertThat(summary.ok()).isFalse();

            assertThat(summary.timeToStartMillis().max())
                    .isGreaterThanOrEqualTo(summary.timeToStartMillis().p99())
                    .isGreaterThanOrEqualTo(summary.timeToStartMillis().p50());
            assertThat(summary.sps()).isEqualTo(summary.succeededStarts() / 3.0);

            JsonNode json = FakeReel.JSON.readTree(Files.readString(report));
            assertThat(json.path("succeededStarts").asLong()).isEqualTo(summary.succeededStarts());
            assertThat(json.path("lostEvents").asLong()).isEqualTo(1);
            assertThat(json.path("timeToStartMillis").path("p95").isNumber()).isTrue();

            String text = printed.toString(StandardCharsets.UTF_8);
            assertThat(text)
                    .contains("4 viewers signed up and logged in", "from 127.0.0.10-127.0.0.13", "4 playable titles")
                    .contains("load: summary", "FAILED")
                    .doesNotContain(FakeReel.UNPLAYABLE);
            assertThat(text.lines().filter(line -> line.matches("load: +\\d+s  sps .*")))
                    .hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void theRetryBudgetCapsRetriesWhenEverythingIsShed() throws Exception {
        var faults = new FakeReel.Faults(null, false, true, 0, null, null, null, 0);
        try (FakeReel reel = new FakeReel(faults)) {
            var options = new LoadOptions(reel.gateway(), 20, Duration.ofSeconds(2), 8, Duration.ofSeconds(1), null);

            long began = System.nanoTime();
            LoadSummary summary = LoadGenerator.run(options, out, FAST);
            double seconds = (System.nanoTime() - began) / 1e9;

            assertThat(summary.attemptedStarts()).isPositive().isEqualTo(reel.startsTried());
            assertThat(summary.succeededStarts()).isZero();
            assertThat(summary.failedStarts()).isEqualTo(summary.attemptedStarts());
            assertThat(summary.ok()).isFalse();

            // Without a budget every start would have retried twice; the budget refused some retries.
            assertThat(summary.retries()).isEqualTo(reel.sessionPosts() - reel.startsTried());
            assertThat(summary.retries()).isLessThan(2 * summary.attemptedStarts());
            assertThat(summary.retryBudgetExhausted()).isPositive().isEqualTo(reel.startsTriedFewerThan(3));
            // 10 retries per started second, plus 10 % of the first attempts (home and session per start).
            long allowed = 10 * (long) Math.ceil(seconds + 1) + (2 * summary.attemptedStarts()) / 10;
            assertThat(summary.retries()).isLessThanOrEqualTo(allowed);
            assertThat(summary.errorsByStatus()).isEqualTo(Map.of("503", (long) reel.sent(503)));
            assertThat(summary.eventsChecked()).isZero();
        }
    }
}
