package dev.reel.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaturityTest {

    @Test
    void titlesAtOrBelowTheCeilingAreAllowed() {
        assertThat(Maturity.SEVEN_PLUS.allowedUnder(Maturity.SEVEN_PLUS)).isTrue();
        assertThat(Maturity.ALL.allowedUnder(Maturity.SEVEN_PLUS)).isTrue();
        assertThat(Maturity.THIRTEEN_PLUS.allowedUnder(Maturity.SEVEN_PLUS)).isFalse();
    }

    @Test
    void parsesLabelsAndNames() {
        assertThat(Maturity.fromLabel("16+")).contains(Maturity.SIXTEEN_PLUS);
        assertThat(Maturity.fromLabel("eighteen_plus")).contains(Maturity.EIGHTEEN_PLUS);
        assertThat(Maturity.fromLabel("R")).isEmpty();
    }
}
