package dev.reel.gateway.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.gateway.chaos.ExperimentVerdict.Figures;
import org.junit.jupiter.api.Test;

class ExperimentVerdictTest {

    private static final double MARGIN = 0.10;

    @Test
    void noVerdictBeforeControlHasMinStarts() {
        assertThat(ExperimentVerdict.harm(new Figures(10, 19, 0), new Figures(10, 0, 19), 20, MARGIN))
                .isEmpty();
    }

    @Test
    void anExperimentCohortWithoutStartsIsStoppedWithTheFiguresInTheReason() {
        // n = 40 starts, p0 = 0.5: z = (0 - 20) / sqrt(10) = -6.32
        assertThat(ExperimentVerdict.harm(new Figures(20, 40, 0), new Figures(20, 0, 0), 20, MARGIN))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("0.00 streams per account (0 starts by 20 accounts)")
                        .contains("control's 2.00 (40 starts by 20 accounts)")
                        .contains("100 % below control", "10 % margin", "z = -6.32"));
    }

    @Test
    void aShortfallWithinTheMarginIsTolerated() {
        // 1.85 vs 2.00 starts per account: 7.5 % below, inside the 10 % margin.
        assertThat(ExperimentVerdict.harm(new Figures(100, 200, 0), new Figures(100, 185, 0), 20, MARGIN))
                .isEmpty();
    }

    @Test
    void aShortfallBeyondTheMarginButNotSignificantIsTolerated() {
        // 20 vs 30 starts per 10 accounts: 33 % below, but n = 50, p0 = 0.5 gives z = (20 - 25) / 3.54 = -1.41.
        assertThat(ExperimentVerdict.harm(new Figures(10, 30, 0), new Figures(10, 20, 0), 20, MARGIN))
                .isEmpty();
    }

    @Test
    void aSignificantShortfallBeyondTheMarginStops() {
        // 150 vs 200 starts per 100 accounts: 25 % below; n = 350, z = (150 - 175) / 9.35 = -2.67 < -2.33.
        assertThat(ExperimentVerdict.harm(new Figures(100, 200, 0), new Figures(100, 150, 0), 20, MARGIN))
                .hasValueSatisfying(reason -> assertThat(reason).contains("z = -2.67"));
    }

    @Test
    void theExpectedShareFollowsTheCohortsAccounts() {
        // Experiment has half as many accounts: 100 starts by 50 accounts is exactly control's rate.
        assertThat(ExperimentVerdict.harm(new Figures(100, 200, 0), new Figures(50, 100, 0), 20, MARGIN))
                .isEmpty();
    }

    @Test
    void aFailureRateAboveControlsByMoreThanTheMarginStops() {
        // Starts per account are equal (retries succeed), but 30 of 130 attempts failed against 2 of 102.
        assertThat(ExperimentVerdict.harm(new Figures(50, 100, 2), new Figures(50, 100, 30), 20, MARGIN))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("failure rate was 23.1 % (30 of 130)", "control's 2.0 % (2 of 102)"));
    }

    @Test
    void aFailureRateWithinTheMarginIsTolerated() {
        assertThat(ExperimentVerdict.harm(new Figures(50, 100, 2), new Figures(50, 100, 10), 20, MARGIN))
                .isEmpty();
    }

    @Test
    void zIsZeroWithoutTrialsOrWithADegenerateShare() {
        assertThat(ExperimentVerdict.z(0, 0, 0.5)).isZero();
        assertThat(ExperimentVerdict.z(3, 10, 0)).isZero();
        assertThat(ExperimentVerdict.z(3, 10, 1)).isZero();
        assertThat(ExperimentVerdict.z(0, 40, 0.5)).isCloseTo(-6.3246, org.assertj.core.data.Offset.offset(1e-4));
    }
}
