package dev.reel.viewing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ViewingPropertiesTest {

    @Test
    void defaultsFollowTheContract() {
        ViewingProperties properties = bind(Map.of());

        assertThat(properties.watchedFraction()).isEqualTo(0.9);
        assertThat(properties.continueWatching().minFraction()).isEqualTo(0.01);
        assertThat(properties.continueWatching().minPosition()).hasSeconds(30);
        assertThat(properties.continueWatching().maxEntries()).isEqualTo(500);
        assertThat(properties.playheadSlack()).hasSeconds(15);
        assertThat(properties.events().retryBackoff()).hasMillis(500);
        assertThat(properties.events().maxRetryBackoff()).hasSeconds(30);
    }

    @Test
    void settingsBindFromKebabCase() {
        ViewingProperties properties = bind(Map.of(
                "reel.viewing.watched-fraction", "0.95",
                "reel.viewing.continue-watching.min-position", "10s",
                "reel.viewing.continue-watching.max-entries", "50",
                "reel.viewing.playhead-slack", "5s"));

        assertThat(properties.watchedFraction()).isEqualTo(0.95);
        assertThat(properties.continueWatching().minPosition()).hasSeconds(10);
        assertThat(properties.continueWatching().maxEntries()).isEqualTo(50);
        assertThat(properties.playheadSlack()).hasSeconds(5);
    }

    @Test
    void inconsistentSettingsFailAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("reel.viewing.watched-fraction", "0")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("watched-fraction");
        assertThatThrownBy(() -> bind(Map.of("reel.viewing.watched-fraction", "1.5")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("watched-fraction");
        assertThatThrownBy(() -> bind(Map.of(
                        "reel.viewing.watched-fraction", "0.5", "reel.viewing.continue-watching.min-fraction", "0.6")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("min-fraction");
        assertThatThrownBy(() -> bind(Map.of("reel.viewing.continue-watching.max-entries", "0")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("max-entries");
    }

    private static ViewingProperties bind(Map<String, String> values) {
        return new Binder(List.of(new MapConfigurationPropertySource(values)))
                .bindOrCreate("reel.viewing", ViewingProperties.class);
    }
}
