package dev.reel.encoder;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the encoder's boundaries honest: the library packages ({@code ffmpeg}, {@code probe}, {@code ladder}, {@code
 * chunk}, {@code farm}, {@code corpus}) and the service features ({@code upload}, {@code job}, {@code pack}) are
 * modules whose {@code internal} packages no other module may use, and modules form no cycle.
 */
class ModularityTest {

    @Test
    void modulesUseEachOthersPublicApiOnlyAndWithoutCycles() {
        ApplicationModules.of(EncoderApplication.class).verify();
    }
}
