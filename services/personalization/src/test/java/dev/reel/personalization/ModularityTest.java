package dev.reel.personalization;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps personalization's feature boundaries honest: each feature ({@code catalog}, {@code activity}, {@code model},
 * {@code artwork}, {@code experiment}, {@code engagement}, {@code home}) is a module whose {@code internal} package no
 * other feature may use, and modules form no cycle.
 */
class ModularityTest {

    @Test
    void featuresUseEachOthersPublicApiOnlyAndWithoutCycles() {
        ApplicationModules.of(PersonalizationApplication.class).verify();
    }
}
