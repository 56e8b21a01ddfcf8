package dev.reel.playback.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.playback.TestManifests;
import dev.reel.playback.stream.Device;
import dev.reel.playback.stream.DeviceClass;
import dev.reel.playback.stream.Rendition;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HlsMasterTest {

    private static final String BASE = "http://localhost:9100/s/abc.def/v/t1/v-1/";

    @Test
    void readsEveryVariantWithItsDirectoryAsId() {
        List<Rendition> renditions = HlsMaster.renditions(TestManifests.MASTER);
        assertThat(renditions)
                .extracting(Rendition::id)
                .containsExactly("v144p", "v360p", "v1080p", "v1080p-hevc", "v2160p");
        assertThat(renditions.get(1)).isEqualTo(new Rendition("v360p", 640, 360, "avc1.64001e", 437_798));
        assertThat(renditions.get(3).codec()).isEqualTo("hvc1.1.6.L120.90");
    }

    @Test
    void keepsOnlyAllowedVariantsWithAbsoluteUrisOnTheBase() {
        String rewritten =
                HlsMaster.rewrite(TestManifests.MASTER, new Device(DeviceClass.PHONE, 1080, Set.of("avc1")), BASE);

        assertThat(rewritten)
                .startsWith("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n")
                .contains(BASE + "video/v144p/index.m3u8\n")
                .contains(BASE + "video/v360p/index.m3u8\n")
                .contains(BASE + "video/v1080p/index.m3u8\n")
                .doesNotContain("v1080p-hevc")
                .doesNotContain("v2160p")
                .contains("URI=\"" + BASE + "audio/a-eng-0/index.m3u8\"")
                .contains("URI=\"" + BASE + "subtitles/s-eng-0.m3u8\"")
                .contains("#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=90000,CODECS=\"avc1.64001e\",RESOLUTION=640x360,URI=\""
                        + BASE + "video/v360p/iframes.m3u8\"");
        // Attributes other than URIs are written back unchanged.
        assertThat(rewritten)
                .contains(
                        "#EXT-X-STREAM-INF:BANDWIDTH=437798,AVERAGE-BANDWIDTH=426668,CODECS=\"avc1.64001e,mp4a.40.2\","
                                + "RESOLUTION=640x360,FRAME-RATE=24.000,AUDIO=\"audio\",SUBTITLES=\"subs\",CLOSED-CAPTIONS=NONE\n");
        assertThat(HlsMaster.renditions(rewritten))
                .extracting(Rendition::id)
                .containsExactly("v144p", "v360p", "v1080p");
        assertThat(rewritten.lines().filter(line -> !line.startsWith("#")))
                .allSatisfy(uri -> assertThat(uri).startsWith(BASE));
    }

    @Test
    void filtersByCodecFamily() {
        String hevc = HlsMaster.rewrite(TestManifests.MASTER, new Device(DeviceClass.TV, 2160, Set.of("hvc1")), BASE);
        assertThat(HlsMaster.renditions(hevc)).extracting(Rendition::id).containsExactly("v1080p-hevc");
        assertThat(hevc).doesNotContain("iframes.m3u8");
    }

    @Test
    void leavesAbsoluteAndDataUrisAlone() {
        String master = """
                #EXTM3U
                #EXT-X-SESSION-KEY:METHOD=SAMPLE-AES-CTR,URI="data:text/plain;base64,AAAA",KEYFORMAT="org.w3.clearkey"
                #EXT-X-STREAM-INF:BANDWIDTH=1000,CODECS="avc1.64001e",RESOLUTION=640x360
                https://cdn.example/v360p/index.m3u8
                """;
        String rewritten = HlsMaster.rewrite(master, new Device(DeviceClass.TV, 2160, Set.of("avc1")), BASE);
        assertThat(rewritten)
                .contains("URI=\"data:text/plain;base64,AAAA\"")
                .contains("\nhttps://cdn.example/v360p/index.m3u8\n");
    }

    @Test
    void renditionIdsAreTheUriDirectory() {
        assertThat(HlsMaster.renditionId("video/v360p/index.m3u8")).isEqualTo("v360p");
        assertThat(HlsMaster.renditionId("v360p/index.m3u8?x=1")).isEqualTo("v360p");
        assertThat(HlsMaster.renditionId("v360p.m3u8")).isEqualTo("v360p");
    }

    @Test
    void refusesTextThatIsNoPlaylist() {
        assertThatThrownBy(() -> HlsMaster.renditions("<MPD/>")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesQuotedCommasInAttributes() {
        HlsAttributes attributes = HlsAttributes.parse("A=1,CODECS=\"avc1.64001e,mp4a.40.2\",B=x");
        assertThat(attributes.get("CODECS")).isEqualTo("avc1.64001e,mp4a.40.2");
        assertThat(attributes.get("B")).isEqualTo("x");
        assertThat(attributes).hasToString("A=1,CODECS=\"avc1.64001e,mp4a.40.2\",B=x");
    }
}
