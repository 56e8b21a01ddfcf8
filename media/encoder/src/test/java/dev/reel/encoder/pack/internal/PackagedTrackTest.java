package dev.reel.encoder.pack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PackagedTrackTest {

    @Test
    void peakIsTheHighestRateOfRunsBetweenHalfAndOneAndAHalfTargetDurations() {
        // 4 s segments of 100, 300, 100 kB, then a 0.5 s tail of 100 kB (1.6 Mbit/s on its own).
        PackagedTrack track = Tracks.video(
                "v", 2, 2, "c", new long[] {49152, 49152, 49152, 6144}, new long[] {100_000, 300_000, 100_000, 100_000
                });

        // The tail alone is shorter than 2 s, so it counts only with the segment before it: 200 kB in 4.5 s.
        assertThat(track.peakBandwidth(4.0)).isEqualTo(600_000);
        assertThat(track.averageBandwidth()).isEqualTo((long) Math.ceil(600_000 * 8 / 12.5));
    }

    @Test
    void aTitleShorterThanHalfATargetDurationFallsBackToTheAverage() {
        PackagedTrack track = Tracks.video("v", 2, 2, "c", new long[] {12288}, new long[] {10_000});

        assertThat(track.peakBandwidth(4.0)).isEqualTo(80_000).isEqualTo(track.averageBandwidth());
    }

    @Test
    void frameRatesAreReducedFractions() {
        assertThat(FrameRate.of(12288, 512).dash()).isEqualTo("24");
        assertThat(FrameRate.of(30000, 1001).dash()).isEqualTo("30000/1001");
        assertThat(FrameRate.of(90000, 3003).dash()).isEqualTo("30000/1001");
        assertThat(FrameRate.of(90000, 3003).hls()).isEqualTo("29.970");
        assertThat(FrameRate.of(25, 1).hls()).isEqualTo("25.000");
    }
}
