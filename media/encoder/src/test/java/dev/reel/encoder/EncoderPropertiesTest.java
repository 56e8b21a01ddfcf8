package dev.reel.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.origin.OriginSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class EncoderPropertiesTest {

    private static EncoderProperties bind(Map<String, String> values) {
        return new Binder(List.of(new MapConfigurationPropertySource(values)))
                .bindOrCreate("reel.encoder", EncoderProperties.class);
    }

    @Test
    void defaultsSuitTheEmbeddedPlatform() {
        EncoderProperties properties = bind(Map.of());

        assertThat(properties.workDir()).isEqualTo(Path.of(".reel/encoder"));
        assertThat(properties.jobsDir()).isEqualTo(Path.of(".reel/encoder/jobs"));
        assertThat(properties.jobs().workerCount())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(properties.jobs().lease()).hasSeconds(30);
        assertThat(properties.jobs().maxAttempts()).isEqualTo(3);
        assertThat(properties.jobs().profiles().fastProfile().preset()).isEqualTo("veryfast");
        assertThat(properties.jobs().profiles().standardProfile().passes()).isEqualTo(2);
        assertThat(properties.uploads().maxChunk().toMegabytes()).isEqualTo(64);
        OriginSettings origin = properties.origin();
        assertThat(origin.type()).isEqualTo(OriginSettings.Type.FS);
        assertThat(origin.root()).isEqualTo(Path.of(".reel/origin"));
        assertThat(properties.keys().url()).endsWith("/keys");
    }

    @Test
    void aPartlyConfiguredProfileKeepsItsOtherDefaults() {
        EncoderProperties properties = bind(Map.of(
                "reel.encoder.jobs.workers", "0",
                "reel.encoder.jobs.profiles.fast.chunk-segments", "1",
                "reel.encoder.jobs.profiles.standard.preset", "medium",
                "reel.encoder.origin.type", "s3",
                "reel.encoder.origin.bucket", "media",
                "reel.encoder.origin.endpoint", "http://localhost:9000",
                "reel.encoder.origin.path-style", "true",
                "reel.encoder.origin.retention.keep-previous", "3",
                "reel.encoder.origin.retention.abandoned-after", "2h"));

        assertThat(properties.jobs().workerCount()).isZero();
        EncoderProperties.Profile fast = properties.jobs().profiles().fastProfile();
        assertThat(fast.chunkSegments()).isEqualTo(1);
        assertThat(fast.preset()).isEqualTo("veryfast");
        assertThat(fast.trialCrfs()).isEqualTo(EncoderProperties.Profile.FAST_DEFAULTS.trialCrfs());
        EncoderProperties.Profile standard = properties.jobs().profiles().standardProfile();
        assertThat(standard.preset()).isEqualTo("medium");
        assertThat(standard.chunkSegments()).isEqualTo(8);
        OriginSettings origin = properties.origin();
        assertThat(origin.type()).isEqualTo(OriginSettings.Type.S3);
        assertThat(origin.bucket()).isEqualTo("media");
        assertThat(origin.pathStyle()).isTrue();
        assertThat(origin.retention().keepPrevious()).isEqualTo(3);
        assertThat(origin.retention().abandonedAfter()).hasHours(2);
    }

    @Test
    void inconsistentJobSettingsFailAtBinding() {
        assertThatThrownBy(() -> bind(Map.of("reel.encoder.jobs.heartbeat", "30s", "reel.encoder.jobs.lease", "10s")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("heartbeat");
        assertThatThrownBy(() -> bind(Map.of("reel.encoder.jobs.segment", "5s")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("multiple of the gop");
    }
}
