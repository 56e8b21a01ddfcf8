package dev.reel.encoder.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrialPlanTest {

    private static final TrialPlan STANDARD = TrialPlan.builder().build();

    @Test
    void candidatesNeverUpscale() {
        assertThat(STANDARD.candidates(new Resolution(1280, 720)))
                .containsExactly(
                        new Resolution(426, 240),
                        new Resolution(640, 360),
                        new Resolution(854, 480),
                        new Resolution(1280, 720));
    }

    @Test
    void fourKSourceGetsEveryStandardHeight() {
        assertThat(STANDARD.candidates(new Resolution(3840, 2160)))
                .hasSize(6)
                .endsWith(new Resolution(1920, 1080), new Resolution(3840, 2160));
        assertThat(STANDARD.trialCount(new Resolution(3840, 2160))).isEqualTo(30);
    }

    @Test
    void sourceBetweenTwoHeightsIsACandidateItself() {
        assertThat(STANDARD.candidates(new Resolution(1920, 800)))
                .containsExactly(
                        new Resolution(576, 240),
                        new Resolution(864, 360),
                        new Resolution(1152, 480),
                        new Resolution(1728, 720),
                        new Resolution(1920, 800));
    }

    @Test
    void sourceAboveTheLargestHeightIsNotAdded() {
        TrialPlan small = TrialPlan.builder().heights(List.of(240, 360)).build();

        assertThat(small.candidates(new Resolution(1280, 720)))
                .containsExactly(new Resolution(426, 240), new Resolution(640, 360));
    }

    @Test
    void rejectsUnsortedOrOutOfRangeValues() {
        assertThatThrownBy(() -> TrialPlan.builder().crfs(List.of(30, 20)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrialPlan.builder().crfs(List.of(60)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrialPlan.builder().heights(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
