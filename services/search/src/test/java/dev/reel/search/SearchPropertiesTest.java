package dev.reel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SearchPropertiesTest {

    @Test
    void defaultsFollowTheContract() {
        SearchProperties properties = bind(Map.of());

        assertThat(properties.popularity().halfLife()).hasDays(7);
        assertThat(properties.ranking().popularityWeight()).isEqualTo(0.15);
        assertThat(properties.ranking().nameBoost())
                .isGreaterThan(properties.ranking().castBoost());
        assertThat(properties.ranking().synopsisBoost())
                .isLessThan(properties.ranking().genreBoost());
        assertThat(properties.queries().maxQueryLength()).isEqualTo(200);
        assertThat(properties.queries().defaultSuggestions()).isEqualTo(8);
        assertThat(properties.fuzzy().maxEdits(2)).isZero();
        assertThat(properties.fuzzy().maxEdits(3)).isEqualTo(1);
        assertThat(properties.fuzzy().maxEdits(5)).isEqualTo(1);
        assertThat(properties.fuzzy().maxEdits(6)).isEqualTo(2);
        assertThat(properties.index().refreshInterval()).hasMillis(200);
        assertThat(properties.events().enabled()).isTrue();
    }

    @Test
    void settingsBindFromKebabCase() {
        SearchProperties properties = bind(Map.of(
                "reel.search.ranking.popularity-weight", "0",
                "reel.search.fuzzy.one-edit-from", "4",
                "reel.search.popularity.half-life", "6h",
                "reel.search.queries.max-query-length", "100"));

        assertThat(properties.ranking().popularityWeight()).isZero();
        assertThat(properties.fuzzy().maxEdits(3)).isZero();
        assertThat(properties.popularity().halfLife()).hasHours(6);
        assertThat(properties.queries().maxQueryLength()).isEqualTo(100);
    }

    @Test
    void inconsistentSettingsFailAtStartUp() {
        assertFails("reel.search.fuzzy.two-edits-from", "2", "fuzzy");
        assertFails("reel.search.fuzzy.max-expansions", "500", "max-expansions");
        assertFails("reel.search.ranking.popularity-weight", "-1", "popularity-weight");
        assertFails("reel.search.ranking.max-result-window", "10", "max-result-window");
        assertFails("reel.search.popularity.half-life", "0s", "half-life");
        assertFails("reel.search.queries.max-words", "20", "max-words");
        assertFails("reel.search.queries.default-suggestions", "50", "default-suggestions");
    }

    private static void assertFails(String key, String value, String message) {
        assertThatThrownBy(() -> bind(Map.of(key, value)))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining(message);
    }

    private static SearchProperties bind(Map<String, String> values) {
        return new Binder(List.of(new MapConfigurationPropertySource(values)))
                .bindOrCreate("reel.search", SearchProperties.class);
    }
}
