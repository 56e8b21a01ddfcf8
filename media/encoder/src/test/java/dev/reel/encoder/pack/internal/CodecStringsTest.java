package dev.reel.encoder.pack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CodecStringsTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The esds ffmpeg 5.1 writes for 48 kHz stereo AAC-LC (expandable lengths written as 4 bytes). */
    private static final String FFMPEG_AAC_LC_ESDS =
            "000000000380808025000100048080801740150000000001f40a0001f40a05" + "80808005119056e500068080800102";

    @Test
    void avcStringIsProfileConstraintsAndLevelInHex() {
        assertThat(CodecStrings.avc("avc1", HEX.parseHex("0164001fffe1"))).isEqualTo("avc1.64001f");
        assertThat(CodecStrings.avc("avc1", HEX.parseHex("0142c00a"))).isEqualTo("avc1.42c00a");
        assertThat(CodecStrings.avc("avc3", HEX.parseHex("014d4028"))).isEqualTo("avc3.4d4028");
    }

    @Test
    void avcRejectsWhatIsNotAConfigurationRecord() {
        assertThatThrownBy(() -> CodecStrings.avc("avc1", HEX.parseHex("0164")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodecStrings.avc("avc1", HEX.parseHex("0264001f")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aacLcFromFfmpegsEsds() {
        assertThat(CodecStrings.mp4a(HEX.parseHex(FFMPEG_AAC_LC_ESDS))).isEqualTo("mp4a.40.2");
    }

    @Test
    void audioObjectTypeComesFromTheAudioSpecificConfig() {
        // Compact lengths; AudioSpecificConfig 0x2b 0x92: object type 5 (SBR, HE-AAC).
        String heAac = "00000000" + "0316" + "0001" + "00" + "0411" + "40" + "15" + "000000" + "00000000" + "00000000"
                + "0502" + "2b92";
        assertThat(CodecStrings.mp4a(HEX.parseHex(heAac))).isEqualTo("mp4a.40.5");
        // Escape value 31: object type 32 + the next 6 bits (here 10 → 42, USAC).
        String escaped = "00000000" + "0316" + "0001" + "00" + "0411" + "40" + "15" + "000000" + "00000000" + "00000000"
                + "0502" + "f940";
        assertThat(CodecStrings.mp4a(HEX.parseHex(escaped))).isEqualTo("mp4a.40.42");
    }

    @Test
    void otherObjectTypesHaveNoAudioObjectType() {
        String mp3 = "00000000" + "0312" + "0001" + "00" + "040d" + "6b" + "15" + "000000" + "00000000" + "00000000";
        assertThat(CodecStrings.mp4a(HEX.parseHex(mp3))).isEqualTo("mp4a.6b");
    }

    @Test
    void truncatedOrForeignDescriptorsAreRejected() {
        byte[] full = HEX.parseHex(FFMPEG_AAC_LC_ESDS);
        assertThatThrownBy(() -> CodecStrings.mp4a(Arrays.copyOf(full, 20)))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] wrongTag = full.clone();
        wrongTag[4] = 0x07;
        assertThatThrownBy(() -> CodecStrings.mp4a(wrongTag))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tag");
    }
}
