package dev.reel.catalog.title;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.events.Maturity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudienceTest {

    @ParameterizedTest(name = "{0} under a {1} ceiling: {2}")
    @CsvSource({
        "ALL, SEVEN_PLUS, true",
        "SEVEN_PLUS, SEVEN_PLUS, true",
        "THIRTEEN_PLUS, SEVEN_PLUS, false",
        "EIGHTEEN_PLUS, SIXTEEN_PLUS, false",
        "SIXTEEN_PLUS, EIGHTEEN_PLUS, true",
        "EIGHTEEN_PLUS, EIGHTEEN_PLUS, true",
        "SEVEN_PLUS, ALL, false"
    })
    void aTitleIsVisibleAtOrBelowTheCeiling(Maturity rating, Maturity ceiling, boolean visible) {
        var member = new Audience(false, ceiling);
        assertThat(member.sees(TitleState.PUBLISHED, rating)).isEqualTo(visible);
        assertThat(member.visibleMaturities().contains(rating)).isEqualTo(visible);
    }

    @Test
    void draftsAreVisibleToAdminsOnly() {
        assertThat(new Audience(false, Maturity.EIGHTEEN_PLUS).sees(TitleState.DRAFT, Maturity.ALL))
                .isFalse();
        assertThat(new Audience(true, Maturity.EIGHTEEN_PLUS).sees(TitleState.DRAFT, Maturity.ALL))
                .isTrue();
    }

    @Test
    void theCeilingAppliesToAdminsToo() {
        var adminOnKidsProfile = new Audience(true, Maturity.SEVEN_PLUS);
        assertThat(adminOnKidsProfile.sees(TitleState.PUBLISHED, Maturity.THIRTEEN_PLUS))
                .isFalse();
        assertThat(adminOnKidsProfile.visibleMaturities()).containsExactly(Maturity.ALL, Maturity.SEVEN_PLUS);
    }
}
