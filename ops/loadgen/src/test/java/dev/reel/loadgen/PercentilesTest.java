package dev.reel.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToAHundred() {
        long[] samples = LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray(); // unsorted on purpose
        Percentiles percentiles = Percentiles.of(samples);
        assertThat(percentiles.at(0.50)).isEqualTo(50);
        assertThat(percentiles.at(0.95)).isEqualTo(95);
        assertThat(percentiles.at(0.99)).isEqualTo(99);
        assertThat(percentiles.at(1.0)).isEqualTo(100);
        assertThat(percentiles.max()).isEqualTo(100);
        assertThat(percentiles.count()).isEqualTo(100);
    }

    @Test
    void aFewSamplesRoundTheRankUp() {
        Percentiles percentiles = Percentiles.of(new long[] {30, 10, 20});
        assertThat(percentiles.at(0.50)).isEqualTo(20);
        assertThat(percentiles.at(0.99)).isEqualTo(30);
        assertThat(percentiles.at(0.01)).isEqualTo(10);
    }

    @Test
    void theTailIsNotAveragedAway() {
        long[] samples = new long[100];
        samples[99] = 5_000;
        assertThat(Percentiles.of(samples).at(0.99)).isZero();
        assertThat(Percentiles.of(samples).at(1.0)).isEqualTo(5_000);
        samples[98] = 4_000;
        assertThat(Percentiles.of(samples).at(0.99)).isEqualTo(4_000);
    }

    @Test
    void noSamplesIsZero() {
        Percentiles none = Percentiles.of(new long[0]);
        assertThat(none.at(0.5)).isZero();
        assertThat(none.max()).isZero();
    }

    @Test
    void theInputIsNotSortedInPlace() {
        long[] samples = {3, 1, 2};
        Percentiles.of(samples);
        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void aFractionOutsideZeroToOneIsRefused() {
        Percentiles percentiles = Percentiles.of(new long[] {1});
        assertThatThrownBy(() -> percentiles.at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> percentiles.at(99)).isInstanceOf(IllegalArgumentException.class);
    }
}
