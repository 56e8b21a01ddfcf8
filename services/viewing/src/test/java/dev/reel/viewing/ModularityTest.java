package dev.reel.viewing;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps viewing's feature boundaries honest: {@code history} and {@code title} are modules whose {@code internal}
 * packages no other feature may use, and they form no cycle ({@code history} uses {@code title}, never the reverse).
 */
class ModularityTest {

    @Test
    void featuresUseEachOthersPublicApiOnlyAndWithoutCycles() {
        ApplicationModules.of(ViewingApplication.class).verify();
    }
}
