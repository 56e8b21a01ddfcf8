package dev.reel.search;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps search's feature boundaries honest: each feature ({@code index}, {@code popularity}, {@code replay}, {@code
 * catalog}, {@code query}) is a module whose {@code internal} package no other feature may use, and modules form no
 * cycle.
 */
class ModularityTest {

    @Test
    void featuresUseEachOthersPublicApiOnlyAndWithoutCycles() {
        ApplicationModules.of(SearchApplication.class).verify();
    }
}
