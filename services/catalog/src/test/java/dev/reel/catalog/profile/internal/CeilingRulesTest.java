package dev.reel.catalog.profile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.events.Maturity;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CeilingRulesTest {

    private static final Maturity UNKNOWN = Maturity.SEVEN_PLUS;

    @ParameterizedTest(name = "ceiling {0}, kids {1} -> {2}")
    @CsvSource({
        "18+, false, EIGHTEEN_PLUS",
        "13+, false, THIRTEEN_PLUS",
        "ALL, false, ALL",
        "THIRTEEN_PLUS, false, THIRTEEN_PLUS",
        "18+, true, SEVEN_PLUS",
        "ALL, true, ALL",
        "7+, true, SEVEN_PLUS",
        "21+, false, SEVEN_PLUS",
        ", false, SEVEN_PLUS",
        "16+, , SIXTEEN_PLUS"
    })
    void profileCeilingIsCappedForKidsAndFailsSafe(@Nullable String label, @Nullable Boolean kids, Maturity expected) {
        var profile = new ProfileResponse(UUID.randomUUID(), label, kids);
        assertThat(CeilingRules.ceilingOf(profile, UNKNOWN)).isEqualTo(expected);
    }

    @Test
    void anOutageServesTheLastKnownCeilingElseTheUnavailableOne() {
        assertThat(CeilingRules.degraded(Maturity.SIXTEEN_PLUS, Maturity.SEVEN_PLUS))
                .isEqualTo(Maturity.SIXTEEN_PLUS);
        assertThat(CeilingRules.degraded(null, Maturity.SEVEN_PLUS)).isEqualTo(Maturity.SEVEN_PLUS);
    }

    @Test
    void theFallbackAnswersUnavailableAndNeverAProfile() {
        assertThat(new ProfileApiFallback().profile(UUID.randomUUID())).isSameAs(ProfileApiFallback.UNAVAILABLE);
    }
}
