package dev.reel.launcher.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateMeterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theRateIsUnknownUntilTwoSamplesApart() {
        var meter = new RateMeter(5 * SECOND);
        assertThat(meter.bytesPerSecond()).isZero();
        meter.record(0, 100);
        assertThat(meter.bytesPerSecond()).isZero();
    }

    @Test
    void theRateCoversOnlyTheWindow() {
        var meter = new RateMeter(2 * SECOND);
        meter.record(0, 0);
        meter.record(SECOND, 10_000_000); // 10 MB/s at first
        meter.record(2 * SECOND, 11_000_000);
        meter.record(3 * SECOND, 12_000_000);
        meter.record(4 * SECOND, 13_000_000); // then 1 MB/s
        assertThat(meter.bytesPerSecond()).isCloseTo(1_000_000, within(1.0));
    }

    @Test
    void aTotalThatGoesBackStartsAFreshWindow() {
        var meter = new RateMeter(10 * SECOND);
        meter.record(0, 0);
        meter.record(SECOND, 5_000_000);
        meter.record(2 * SECOND, 1_000_000); // resumed from the server's lower offset
        assertThat(meter.bytesPerSecond()).isZero();
        meter.record(3 * SECOND, 3_000_000);
        assertThat(meter.bytesPerSecond()).isCloseTo(2_000_000, within(1.0));
    }
}
