package dev.reel.encoder.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FixedLadderTest {

    @Test
    void netflix2015HasTenRungsFrom235To5800Kbps() {
        List<FixedLadder.Entry> entries = FixedLadder.netflix2015().entries();

        assertThat(entries).hasSize(10);
        assertThat(entries.getFirst()).isEqualTo(new FixedLadder.Entry(235_000, 320, 240));
        assertThat(entries.getLast()).isEqualTo(new FixedLadder.Entry(5_800_000, 1920, 1080));
    }

    @Test
    void fullHdSourceGetsEveryRungAtItsAspectRatio() {
        Ladder ladder = FixedLadder.netflix2015().ladderFor(new Resolution(1920, 1080), VbrSettings.DEFAULT);

        assertThat(ladder.kind()).isEqualTo(LadderKind.FIXED);
        assertThat(ladder.rungs())
                .extracting(Rung::resolution)
                .containsExactly(
                        new Resolution(426, 240),
                        new Resolution(512, 288),
                        new Resolution(682, 384),
                        new Resolution(682, 384),
                        new Resolution(854, 480),
                        new Resolution(854, 480),
                        new Resolution(1280, 720),
                        new Resolution(1280, 720),
                        new Resolution(1920, 1080),
                        new Resolution(1920, 1080));
        assertThat(ladder.points()).isEmpty();
        assertThat(ladder.hull()).isEmpty();
        assertThat(ladder.policy()).isNull();
    }

    @Test
    void neverUpscales() {
        Ladder ladder = FixedLadder.netflix2015().ladderFor(new Resolution(1280, 720), VbrSettings.DEFAULT);

        assertThat(ladder.rungs()).hasSize(8);
        assertThat(ladder.top().bitrate()).isEqualTo(3_000_000);
        assertThat(ladder.top().resolution()).isEqualTo(new Resolution(1280, 720));
    }

    @Test
    void tinySourceGetsTheCheapestRungAtItsOwnSize() {
        Ladder ladder = FixedLadder.netflix2015().ladderFor(new Resolution(176, 144), VbrSettings.DEFAULT);

        assertThat(ladder.rungs()).singleElement().satisfies(rung -> {
            assertThat(rung.resolution()).isEqualTo(new Resolution(176, 144));
            assertThat(rung.bitrate()).isEqualTo(235_000);
        });
    }

    @Test
    void rungsAreCappedVbrWithoutMeasurements() {
        Rung rung = FixedLadder.netflix2015()
                .ladderFor(new Resolution(1920, 1080), VbrSettings.DEFAULT)
                .top();

        assertThat(rung.rateControl()).isEqualTo(RateControl.CAPPED_VBR);
        assertThat(rung.maxBitrate()).isEqualTo(8_700_000);
        assertThat(rung.bufferSize()).isEqualTo(11_600_000);
        assertThat(rung.crf()).isNull();
        assertThat(rung.expectedQuality()).isNull();
    }

    @Test
    void customLaddersAreSortedAndValidated() {
        FixedLadder ladder = FixedLadder.of(
                List.of(new FixedLadder.Entry(2_000_000, 1280, 720), new FixedLadder.Entry(500_000, 640, 360)));

        assertThat(ladder.entries()).extracting(FixedLadder.Entry::bitrate).containsExactly(500_000L, 2_000_000L);
        assertThatThrownBy(() -> FixedLadder.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FixedLadder.of(
                        List.of(new FixedLadder.Entry(500_000, 640, 360), new FixedLadder.Entry(500_000, 854, 480))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
