package dev.reel.identity;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps identity's feature boundaries honest: each feature ({@code account}, {@code auth}, {@code key},
 * {@code profile}) is a module whose {@code internal} package no other feature may use, and modules form no
 * cycle.
 */
class ModularityTest {

    @Test
    void featuresUseEachOthersPublicApiOnlyAndWithoutCycles() {
        ApplicationModules.of(IdentityApplication.class).verify();
    }
}
