package dev.reel.catalog.genre.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Drama|drama",
                "Science Fiction|science-fiction",
                "Sci-Fi & Fantasy|sci-fi-fantasy",
                "  Kids   and  Family  |kids-and-family",
                "Policier Français|policier-francais",
                "Crème brûlée|creme-brulee",
                "80's Classics!|80-s-classics",
                "--Anime--|anime",
                "Ｆｕｌｌｗｉｄｔｈ|fullwidth"
            })
    void slugIsLowerCaseAsciiWithSingleDashes(String name, String slug) {
        assertThat(Slugs.of(name)).contains(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!!", "アニメ", "—"})
    void namesWithoutLatinLettersOrDigitsHaveNoSlug(String name) {
        assertThat(Slugs.of(name)).isEmpty();
    }

    @Test
    void namesThatDifferOnlyInCaseOrPunctuationShareASlug() {
        assertThat(Slugs.of("Sci Fi")).isEqualTo(Slugs.of("sci-fi")).isEqualTo(Slugs.of("SCI/FI"));
    }
}
