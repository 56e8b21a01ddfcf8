package dev.reel.steering;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps steering's feature boundaries honest: each feature ({@code appliance}, {@code popularity}, {@code fill},
 * {@code steer}) is a module whose {@code internal} package no other feature may use, and modules form no cycle (the
 * report endpoint reaches the fill plan through {@code appliance.ApplianceInstructions}, which fill implements).
 */
class ModularityTest {

    @Test
    void featuresUseEachOthersPublicApiOnlyAndWithoutCycles() {
        ApplicationModules.of(SteeringApplication.class).verify();
    }
}
