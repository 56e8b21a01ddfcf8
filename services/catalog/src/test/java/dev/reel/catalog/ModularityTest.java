package dev.reel.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the catalog's feature boundaries honest: each feature ({@code genre}, {@code title}, {@code
 * profile}) is a module whose {@code internal} package no other feature may use, and modules form no
 * cycle.
 */
class ModularityTest {

    @Test
    void featuresUseEachOthersPublicApiOnlyAndWithoutCycles() {
        ApplicationModules.of(CatalogApplication.class).verify();
    }
}
