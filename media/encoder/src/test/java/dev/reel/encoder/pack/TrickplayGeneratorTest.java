package dev.reel.encoder.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrickplayGeneratorTest {

    @Test
    void intervalIsTwoSecondsForShortTitlesAndGrowsToTenForLongOnes() {
        assertThat(TrickplayGenerator.interval(Duration.ofSeconds(6))).hasSeconds(2);
        assertThat(TrickplayGenerator.interval(Duration.ofMinutes(10))).hasSeconds(2);
        assertThat(TrickplayGenerator.interval(Duration.ofMinutes(20))).hasSeconds(4);
        assertThat(TrickplayGenerator.interval(Duration.ofMinutes(45))).hasSeconds(9);
        assertThat(TrickplayGenerator.interval(Duration.ofHours(2))).hasSeconds(10);
    }
}
