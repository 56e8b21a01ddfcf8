package dev.reel.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.origin.OriginSettings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SteeringPropertiesTest {

    private static SteeringProperties bind(Map<String, String> values) {
        var binder = new Binder(List.of(new MapConfigurationPropertySource(values)));
        return binder.bindOrCreate("reel.steering", SteeringProperties.class);
    }

    @Test
    void defaultsSuitTheEmbeddedPlatform() {
        SteeringProperties properties = bind(Map.of());

        assertThat(properties.edgeTokenKeys()).isEqualTo(Path.of(".reel/secrets/edge-token.keys"));
        assertThat(properties.origin().type()).isEqualTo(OriginSettings.Type.FS);
        assertThat(properties.origin().root()).isEqualTo(Path.of(".reel/origin"));
        assertThat(properties.originUrl()).hasToString("http://localhost:9000");
        assertThat(properties.applianceTimeout()).hasSeconds(5);
        assertThat(properties.reportInterval()).hasSeconds(2);
        assertThat(properties.fill().window()).isEqualTo("02:00-05:00");
        assertThat(properties.fill().zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(properties.fill().checkInterval()).hasMinutes(1);
        assertThat(properties.fill().horizon()).hasHours(24);
        assertThat(properties.fill().watchedFraction()).isEqualTo(0.5);
        assertThat(properties.fill().pinShare()).isEqualTo(0.8);
        assertThat(properties.popularity().halfLife()).hasHours(24);
        assertThat(properties.events().retryBackoff()).hasMillis(500);
    }

    @Test
    void settingsBindAndBadValuesFailAtStartUp() {
        SteeringProperties properties = bind(Map.of(
                "reel.steering.fill.window", "23:00-04:00",
                "reel.steering.fill.zone", "Europe/Paris",
                "reel.steering.popularity.half-life", "12h",
                "reel.steering.origin.root", "/data/origin"));
        assertThat(properties.fill().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(properties.popularity().halfLife()).hasHours(12);
        assertThat(properties.origin().root()).isEqualTo(Path.of("/data/origin"));

        assertThatThrownBy(() -> bind(Map.of("reel.steering.popularity.half-life", "0s")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("half-life");
        assertThatThrownBy(() -> bind(Map.of("reel.steering.fill.watched-fraction", "1.5")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("watched-fraction");
    }
}
