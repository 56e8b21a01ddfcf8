package dev.reel.personalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PersonalizationPropertiesTest {

    @Test
    void defaultsFollowTheContract() {
        PersonalizationProperties properties = bind(Map.of());
        assertThat(properties.trending().halfLife()).hasHours(6);
        assertThat(properties.training().interval()).hasMinutes(10);
        assertThat(properties.home().rowTimeout()).hasMillis(150);
        assertThat(properties.home().visiblePositions()).isEqualTo(6);
        assertThat(properties.events().maxBatch()).isEqualTo(100);
        assertThat(properties.experiments().get("row-ordering").cells()).containsEntry("model", 100);
    }

    @Test
    void experimentCellsBindInOrder() {
        PersonalizationProperties properties = bind(Map.of(
                "reel.personalization.experiments.row-ordering.cells.model", "30",
                "reel.personalization.experiments.row-ordering.cells.popularity", "70"));
        assertThat(properties.experiments().get("row-ordering").cells())
                .containsEntry("model", 30)
                .containsEntry("popularity", 70);
    }

    @Test
    void inconsistentSettingsFailAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("reel.personalization.experiments.x.cells.a", "60")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("100");
        assertThatThrownBy(() -> bind(Map.of("reel.personalization.home.row-size", "3")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("row-size");
    }

    private static PersonalizationProperties bind(Map<String, String> values) {
        return new Binder(List.of(new MapConfigurationPropertySource(values)))
                .bindOrCreate("reel.personalization", PersonalizationProperties.class);
    }
}
