package dev.reel.identity.profile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.events.Maturity;
import dev.reel.kit.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProfileRulesTest {

    @Test
    void newProfilesDefaultTo18PlusOr7PlusForKids() {
        assertThat(ProfileRules.ceilingForNew(false, null)).isEqualTo(Maturity.EIGHTEEN_PLUS);
        assertThat(ProfileRules.ceilingForNew(true, null)).isEqualTo(Maturity.SEVEN_PLUS);
    }

    @Test
    void adultsMayChooseAnyCeiling() {
        for (Maturity ceiling : Maturity.values()) {
            assertThat(ProfileRules.ceilingForNew(false, ceiling)).isEqualTo(ceiling);
        }
    }

    @Test
    void kidsMayGoLowerButNotAbove7Plus() {
        assertThat(ProfileRules.ceilingForNew(true, Maturity.ALL)).isEqualTo(Maturity.ALL);
        assertThat(ProfileRules.ceilingForNew(true, Maturity.SEVEN_PLUS)).isEqualTo(Maturity.SEVEN_PLUS);
        assertThatThrownBy(() -> ProfileRules.ceilingForNew(true, Maturity.THIRTEEN_PLUS))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getStatusCode())
                        .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
    }

    @Test
    void becomingKidsLowersTheCeilingUnlessAlreadyLower() {
        assertThat(ProfileRules.ceilingAfterUpdate(true, Maturity.EIGHTEEN_PLUS, null))
                .isEqualTo(Maturity.SEVEN_PLUS);
        assertThat(ProfileRules.ceilingAfterUpdate(true, Maturity.ALL, null)).isEqualTo(Maturity.ALL);
    }

    @Test
    void leavingKidsKeepsTheCeilingUntilRaised() {
        assertThat(ProfileRules.ceilingAfterUpdate(false, Maturity.SEVEN_PLUS, null))
                .isEqualTo(Maturity.SEVEN_PLUS);
        assertThat(ProfileRules.ceilingAfterUpdate(false, Maturity.SEVEN_PLUS, Maturity.SIXTEEN_PLUS))
                .isEqualTo(Maturity.SIXTEEN_PLUS);
    }

    @Test
    void kidsProfileCannotBeRaisedAbove7Plus() {
        assertThatThrownBy(() -> ProfileRules.ceilingAfterUpdate(true, Maturity.SEVEN_PLUS, Maturity.EIGHTEEN_PLUS))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void profileCountLimits() {
        ProfileRules.ensureRoomForAnother(4, 5);
        assertThatThrownBy(() -> ProfileRules.ensureRoomForAnother(5, 5))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getStatusCode())
                        .isEqualTo(HttpStatus.CONFLICT));
        ProfileRules.ensureNotLast(2);
        assertThatThrownBy(() -> ProfileRules.ensureNotLast(1))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getStatusCode())
                        .isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void defaultNameIsTheDisplayNameCutTo40Characters() {
        assertThat(ProfileRules.defaultName("  Ada  ")).isEqualTo("Ada");
        assertThat(ProfileRules.defaultName("x".repeat(60))).hasSize(40);
        assertThat(ProfileRules.defaultName(" ")).isEqualTo("Me");
    }

    @Test
    void maturityLabelsParse() {
        assertThat(ProfileRules.maturity("13+")).isEqualTo(Maturity.THIRTEEN_PLUS);
        assertThat(ProfileRules.maturity(null)).isNull();
        assertThatThrownBy(() -> ProfileRules.maturity("21+")).isInstanceOf(ProblemException.class);
    }
}
