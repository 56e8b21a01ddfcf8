package dev.reel.encoder.pack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void missingOrImplausibleLanguagesAreUndetermined() {
        assertThat(Languages.normalise(null)).isEqualTo("und");
        assertThat(Languages.normalise("  ")).isEqualTo("und");
        assertThat(Languages.normalise("english language")).isEqualTo("und");
        assertThat(Languages.normalise("ENG")).isEqualTo("eng");
        assertThat(Languages.normalise("pt_BR")).isEqualTo("pt-br");
    }

    @Test
    void displayNamesComeFromThreeLetterCodesOfEitherKind() {
        assertThat(Languages.displayName("eng")).isEqualTo("English");
        assertThat(Languages.displayName("fra")).isEqualTo("French");
        assertThat(Languages.displayName("fre")).isEqualTo("French");
        assertThat(Languages.displayName("deu")).isEqualTo("German");
        assertThat(Languages.displayName("ger")).isEqualTo("German");
        assertThat(Languages.displayName("und")).isEqualTo("Unknown language");
        assertThat(Languages.displayName("qaa")).isEqualTo("qaa");
    }

    @Test
    void idTokensAreLettersAndDigits() {
        assertThat(Languages.idToken("pt-BR")).isEqualTo("ptbr");
        assertThat(Languages.idToken("??")).isEqualTo("und");
    }
}
