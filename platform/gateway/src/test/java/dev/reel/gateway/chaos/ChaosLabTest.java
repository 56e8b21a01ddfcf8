package dev.reel.gateway.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.resilience.ChaosSigner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;

class ChaosLabTest {

    @TempDir
    Path dir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void withoutAKeyChaosIsOffAndNothingCanBeCreated() {
        try (ChaosLab lab = new ChaosLab(dir.resolve("missing.key"), Clock.systemUTC(), meters)) {
            assertThat(lab.enabled()).isFalse();
            assertThatThrownBy(() -> lab.addFault(new FaultRequest("catalog", "errors", null, null, null)))
                    .isInstanceOf(ChaosLab.ChaosOffException.class);
            assertThatThrownBy(() -> lab.startExperiment(
                            new ExperimentRequest("playback", "kill", null, null, null, null, null, null)))
                    .isInstanceOf(ChaosLab.ChaosOffException.class);
            assertThat(lab.overview().enabled()).isFalse();
        }
    }

    @Test
    void aKeyThatAppearsLaterSwitchesChaosOn() throws IOException {
        Path key = dir.resolve("secrets/chaos.key");
        try (ChaosLab lab = new ChaosLab(key, Clock.systemUTC(), meters)) {
            assertThat(lab.enabled()).isFalse();
            ChaosSigner.createKeyFile(key);
            assertThat(lab.enabled()).isTrue();
        }
    }

    @Test
    void positionsAreStableAndSpreadOverTheUnitInterval() {
        String experiment = UUID.randomUUID().toString();
        int low = 0;
        for (int i = 0; i < 2000; i++) {
            String account = UUID.randomUUID().toString();
            double u = ChaosLab.position(experiment, account);
            assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
            assertThat(ChaosLab.position(experiment, account)).isEqualTo(u);
            low += u < 0.05 ? 1 : 0;
        }
        assertThat(low).isBetween(60, 140); // 5 % of 2000 = 100
    }

    @Test
    void anExperimentEndsAsCompletedAtItsEndTime() throws IOException {
        Path key = dir.resolve("chaos.key");
        ChaosSigner.createKeyFile(key);
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (ChaosLab lab = new ChaosLab(key, clock, meters)) {
            Experiment started =
                    lab.startExperiment(new ExperimentRequest("playback", "latency", 500, null, 10, 60, null, null));
            assertThat(started.endsAt()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
            assertThat(lab.active()).isTrue();
            assertThat(meters.get("reel.chaos.experiments.running").gauge().value())
                    .isEqualTo(1.0);
            clock.now = clock.now.plusSeconds(59);
            lab.check();
            assertThat(lab.experiment(started.id()).orElseThrow().state()).isEqualTo(Experiment.State.RUNNING);
            clock.now = clock.now.plusSeconds(1);
            lab.check();
            Experiment ended = lab.experiment(started.id()).orElseThrow();
            assertThat(ended.state()).isEqualTo(Experiment.State.COMPLETED);
            assertThat(ended.endedAt()).isEqualTo(clock.now);
            assertThat(ended.reason()).isNotBlank();
            assertThat(meters.get("reel.chaos.experiments.running").gauge().value())
                    .isZero();
        }
    }

    @Test
    void startsAreCountedPerCohortAndOutcome() throws IOException {
        Path key = dir.resolve("chaos.key");
        ChaosSigner.createKeyFile(key);
        try (ChaosLab lab = new ChaosLab(key, Clock.systemUTC(), meters)) {
            lab.startExperiment(new ExperimentRequest("playback", "errors", null, null, 50, 60, null, null));
            for (int i = 0; i < 40; i++) {
                ChaosLab.Ticket ticket = lab.admit(UUID.randomUUID().toString(), HttpMethod.POST, ChaosLab.STARTS_PATH);
                assertThat(ticket.cohort()).isIn("control", "experiment");
                if (ticket.cohort().equals("control")) {
                    ticket.answered(201);
                } else {
                    ticket.unanswered();
                }
            }
            double started = meters.get("reel.chaos.starts")
                    .tags("cohort", "control", "outcome", "started")
                    .counter()
                    .count();
            double failed = meters.get("reel.chaos.starts")
                    .tags("cohort", "experiment", "outcome", "failed")
                    .counter()
                    .count();
            assertThat(started + failed).isEqualTo(40);
            assertThat(started).isPositive();
            assertThat(failed).isPositive();
            // A GET is a request, not a start.
            ChaosLab.Ticket read = lab.admit("someone", HttpMethod.GET, ChaosLab.STARTS_PATH);
            read.answered(500);
            assertThat(meters.get("reel.chaos.starts").counters().stream()
                            .mapToDouble(c -> c.count())
                            .sum())
                    .isEqualTo(40);
        }
    }

    private static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
