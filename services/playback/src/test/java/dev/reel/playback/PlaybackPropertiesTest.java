package dev.reel.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.origin.OriginSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PlaybackPropertiesTest {

    @Test
    void defaultsFollowTheContract() {
        PlaybackProperties properties = bind(Map.of());

        assertThat(properties.maxStreams()).isEqualTo(2);
        assertThat(properties.sessionTimeout()).hasSeconds(45);
        assertThat(properties.heartbeatInterval()).hasSeconds(10);
        assertThat(properties.tokenLifetime()).hasHours(6);
        assertThat(properties.edgeTokenKeys()).isEqualTo(Path.of(".reel/secrets/edge-token.keys"));
        assertThat(properties.originUrl()).isEqualTo(URI.create("http://localhost:9000"));
        assertThat(properties.origin().type()).isEqualTo(OriginSettings.Type.FS);
        assertThat(properties.origin().root()).isEqualTo(Path.of(".reel/origin"));
        assertThat(properties.keys().url()).isEqualTo("jdbc:postgresql://localhost:15432/keys");
        assertThat(properties.keys().privateKey()).isEqualTo(Path.of(".reel/secrets/licence-private.pem"));
        assertThat(properties.devices().phoneMaxHeight()).isEqualTo(1080);
        assertThat(properties.devices().tabletMaxHeight()).isEqualTo(1080);
        assertThat(properties.devices().tvMaxHeight()).isEqualTo(2160);
        assertThat(properties.devices().desktopMaxHeight()).isEqualTo(2160);
        assertThat(properties.devices().defaultCodecs()).containsExactly("avc1");
        assertThat(properties.sweeper().interval()).hasSeconds(5);
        assertThat(properties.caches().titles()).hasMinutes(10);
        assertThat(properties.caches().steering()).hasMinutes(10);
    }

    @Test
    void settingsBindFromKebabCase() {
        PlaybackProperties properties = bind(Map.of(
                "reel.playback.max-streams", "4",
                "reel.playback.devices.default-codecs", "avc1,hvc1",
                "reel.playback.origin.type", "s3",
                "reel.playback.origin.bucket", "reel-origin"));
        assertThat(properties.maxStreams()).isEqualTo(4);
        assertThat(properties.devices().defaultCodecs()).containsExactly("avc1", "hvc1");
        assertThat(properties.origin().bucket()).isEqualTo("reel-origin");
    }

    @Test
    void inconsistentSettingsFailAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("reel.playback.max-streams", "0")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("max-streams");
        assertThatThrownBy(() -> bind(Map.of("reel.playback.heartbeat-interval", "60s")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("heartbeat-interval");
        assertThatThrownBy(() -> bind(Map.of("reel.playback.origin-url", "ftp://origin")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("origin-url");
    }

    private static PlaybackProperties bind(Map<String, String> values) {
        return new Binder(List.of(new MapConfigurationPropertySource(values)))
                .bindOrCreate("reel.playback", PlaybackProperties.class);
    }
}
