package dev.reel.catalog.title;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.kit.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ETagsTest {

    @Test
    void versionsRoundTripThroughStrongTags() {
        assertThat(TitleController.ETags.of(7)).isEqualTo("\"7\"");
        assertThat(TitleController.ETags.version("\"7\"")).isEqualTo(7L);
        assertThat(TitleController.ETags.version(" \"0\" ")).isZero();
    }

    @Test
    void absentOrWildcardMeansNoPrecondition() {
        assertThat(TitleController.ETags.version(null)).isNull();
        assertThat(TitleController.ETags.version("")).isNull();
        assertThat(TitleController.ETags.version("*")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "W/\"7\"", "\"seven\"", "\"\"", "\"1\", \"2\""})
    void anythingElseFailsThePrecondition(String ifMatch) {
        assertThatThrownBy(() -> TitleController.ETags.version(ifMatch))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(412));
    }
}
