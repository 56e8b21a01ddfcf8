package dev.reel.encoder.job.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.encoder.job.JobState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void stagesShareTheHundredPoints() {
        int sum = 0;
        for (JobState state : JobState.values()) {
            sum += Progress.weight(state);
        }
        assertThat(sum).isEqualTo(100);
        for (JobState state : List.of(JobState.ANALYSING, JobState.ENCODING, JobState.PACKAGING)) {
            JobState next = StagePlanner.next(state);
            assertThat(next).isNotNull();
            assertThat(Progress.before(next)).isEqualTo(Progress.before(state) + Progress.weight(state));
        }
    }

    @Test
    void percentFollowsTheStageAndNeverShowsHundredBeforeDone() {
        assertThat(Progress.percent(JobState.QUEUED, 0.5)).isZero();
        assertThat(Progress.percent(JobState.ANALYSING, 0)).isZero();
        assertThat(Progress.percent(JobState.ENCODING, 0)).isEqualTo(10);
        assertThat(Progress.percent(JobState.ENCODING, 0.5)).isEqualTo(45);
        assertThat(Progress.percent(JobState.ENCODING, 1)).isEqualTo(80);
        assertThat(Progress.percent(JobState.PACKAGING, 0)).isEqualTo(80);
        assertThat(Progress.percent(JobState.PUBLISHING, 1)).isEqualTo(99);
        assertThat(Progress.percent(JobState.PUBLISHING, 7)).isEqualTo(99);
        assertThat(Progress.percent(JobState.DONE, 0)).isEqualTo(100);
    }

    @Test
    void etaExtrapolatesTheCurrentStagesRate() {
        // Encoding: a quarter done (17.5 points) in 35 s = 0.5 points/s; 100 − 27.5 = 72.5 points left → 145 s.
        assertThat(Progress.etaSeconds(JobState.ENCODING, 0.25, Duration.ofSeconds(35), Duration.ofSeconds(60)))
                .isEqualTo(145L);
        // Nothing done in this stage yet: the rate since the start (10 points in 20 s) stands in → 180 s.
        assertThat(Progress.etaSeconds(JobState.ENCODING, 0, Duration.ofSeconds(3), Duration.ofSeconds(20)))
                .isEqualTo(180L);
        // Nothing to extrapolate from.
        assertThat(Progress.etaSeconds(JobState.ANALYSING, 0, Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .isNull();
        assertThat(Progress.etaSeconds(JobState.QUEUED, 0, Duration.ZERO, Duration.ZERO))
                .isNull();
        assertThat(Progress.etaSeconds(JobState.DONE, 1, Duration.ZERO, Duration.ZERO))
                .isZero();
    }

    @Test
    void eventsGoOutOnStageChangesAndEveryTenPoints() {
        assertThat(Progress.announce(true, 10, 10)).isTrue();
        assertThat(Progress.announce(false, 19, 10)).isFalse();
        assertThat(Progress.announce(false, 20, 10)).isTrue();
        assertThat(Progress.announce(false, 45, 10)).isTrue();
    }
}
