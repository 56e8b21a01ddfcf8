package dev.reel.playback;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps playback's feature boundaries honest: each feature ({@code session}, {@code stream}, {@code edge}, {@code
 * profile}, {@code title}, {@code licence}) is a module whose {@code internal} package no other feature may use, and
 * modules form no cycle.
 */
class ModularityTest {

    @Test
    void featuresUseEachOthersPublicApiOnlyAndWithoutCycles() {
        ApplicationModules.of(PlaybackApplication.class).verify();
    }
}
