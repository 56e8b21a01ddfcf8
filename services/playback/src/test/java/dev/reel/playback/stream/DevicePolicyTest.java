package dev.reel.playback.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DevicePolicyTest {

    private final DevicePolicy policy = DevicePolicy.builder()
            .maxHeight(DeviceClass.TV, 2160)
            .maxHeight(DeviceClass.DESKTOP, 2160)
            .maxHeight(DeviceClass.TABLET, 1080)
            .maxHeight(DeviceClass.PHONE, 1080)
            .defaultCodecs(List.of("avc1"))
            .build();

    private final List<Rendition> ladder = List.of(
            new Rendition("v144p", 256, 144, "avc1.64000c", 196_736),
            new Rendition("v1080p", 1920, 1080, "avc1.640028", 4_500_000),
            new Rendition("v1080p-hevc", 1920, 1080, "hvc1.1.6.L120.90", 9_000_000),
            new Rendition("v2160p", 3840, 2160, "avc1.640033", 16_000_000));

    @Test
    void phonesAndTabletsStopAt1080pAndTvsAndDesktopsAt2160p() {
        assertThat(ids(policy.resolve("phone", null, null, null))).containsExactly("v144p", "v1080p");
        assertThat(ids(policy.resolve("tablet", null, null, null))).containsExactly("v144p", "v1080p");
        assertThat(ids(policy.resolve("tv", null, null, null))).containsExactly("v144p", "v1080p", "v2160p");
        assertThat(ids(policy.resolve("desktop", null, null, null))).containsExactly("v144p", "v1080p", "v2160p");
    }

    @Test
    void aDeclaredHeightOnlyLowersTheCap() {
        assertThat(policy.resolve("tv", null, 720, null).maxHeight()).isEqualTo(720);
        assertThat(policy.resolve("phone", null, 4320, null).maxHeight()).isEqualTo(1080);
        assertThatThrownBy(() -> policy.resolve("tv", null, 0, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codecsAreMatchedByFamilyAndDefaultToAvc() {
        Device hevcOnly = policy.resolve("tv", null, null, List.of("HVC1"));
        assertThat(hevcOnly.codecs()).isEqualTo(Set.of("hvc1"));
        assertThat(ids(hevcOnly)).containsExactly("v1080p-hevc");
        assertThat(policy.resolve("tv", null, null, List.of()).codecs()).isEqualTo(Set.of("avc1"));
        assertThat(policy.resolve("tv", null, null, List.of("avc1.640028", "hvc1"))
                        .codecs())
                .isEqualTo(Set.of("avc1", "hvc1"));
    }

    @Test
    void theClassComesFromTheBodyThenTheGatewayHeaderThenDesktop() {
        assertThat(policy.resolve("phone", "tv", null, null).deviceClass()).isEqualTo(DeviceClass.PHONE);
        assertThat(policy.resolve(null, "TV", null, null).deviceClass()).isEqualTo(DeviceClass.TV);
        assertThat(policy.resolve(null, "fridge", null, null).deviceClass()).isEqualTo(DeviceClass.DESKTOP);
        assertThat(policy.resolve(null, null, null, null).deviceClass()).isEqualTo(DeviceClass.DESKTOP);
        assertThatThrownBy(() -> policy.resolve("fridge", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fridge");
    }

    @Test
    void theBuilderNeedsEveryClassAndADefaultCodec() {
        assertThatThrownBy(() -> DevicePolicy.builder()
                        .maxHeight(DeviceClass.TV, 2160)
                        .defaultCodecs(List.of("avc1"))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("phone");
        assertThatThrownBy(() -> DevicePolicy.builder().maxHeight(DeviceClass.TV, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVideoCodecOfAVariantIsItsFirstVideoEntry() {
        assertThat(Codecs.videoCodec("mp4a.40.2,avc1.64001e")).isEqualTo("avc1.64001e");
        assertThat(Codecs.videoCodec("avc1.64001e,mp4a.40.2")).isEqualTo("avc1.64001e");
        assertThat(Codecs.videoCodec("mp4a.40.2")).isEqualTo("mp4a.40.2");
        assertThat(Codecs.videoCodec("")).isNull();
    }

    private List<String> ids(Device device) {
        return DevicePolicy.allowed(device, ladder).stream().map(Rendition::id).toList();
    }
}
