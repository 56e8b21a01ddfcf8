package dev.reel.cmaf.cenc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.cmaf.box.PayloadWriter;
import dev.reel.cmaf.cenc.NalSubsamples.Syntax;
import java.util.List;
import org.junit.jupiter.api.Test;

class NalSubsamplesTest {

    private static void nal(PayloadWriter out, int lengthSize, int header, int size) {
        switch (lengthSize) {
            case 1 -> out.u8(size);
            case 2 -> out.u16(size);
            default -> out.u32(size);
        }
        byte[] body = new byte[size];
        body[0] = (byte) header;
        out.bytes(body);
    }

    @Test
    void avcSampleKeepsPrefixesHeadersAndNonVclUnitsClear() {
        PayloadWriter sample = new PayloadWriter();
        nal(sample, 4, 0x09, 2); // AUD: 6 bytes clear
        nal(sample, 4, 0x06, 25); // SEI: 29 bytes clear
        nal(sample, 4, 0x67, 12); // SPS: 16 bytes clear
        nal(sample, 4, 0x68, 4); // PPS: 8 bytes clear
        nal(sample, 4, 0x65, 100); // IDR slice: 99 bytes after the header -> 96 encrypted, 3 more clear
        nal(sample, 4, 0x41, 33); // P slice: 32 after header -> all 32 encrypted
        nal(sample, 4, 0x01, 10); // tiny slice: 9 after header -> nothing encrypted
        byte[] data = sample.toByteArray();

        List<Subsample> subsamples = NalSubsamples.split(data, 0, data.length, 4, Syntax.AVC);

        assertThat(subsamples)
                .containsExactly(
                        new Subsample(6 + 29 + 16 + 8 + 4 + 1 + 3, 96),
                        new Subsample(4 + 1, 32),
                        new Subsample(4 + 10, 0));
        assertThat(subsamples.stream()
                        .mapToLong(s -> s.clearBytes() + s.protectedBytes())
                        .sum())
                .isEqualTo(data.length);
        assertThat(subsamples).allMatch(s -> s.protectedBytes() % 16 == 0);
    }

    @Test
    void hevcKeepsTwoByteHeadersClearAndParameterSetsClear() {
        PayloadWriter sample = new PayloadWriter();
        nal(sample, 4, 32 << 1, 24); // VPS
        nal(sample, 4, 34 << 1, 8); // PPS
        nal(sample, 4, 19 << 1, 50); // IDR_W_RADL: 48 after the 2-byte header -> 48 encrypted
        nal(sample, 4, 1 << 1, 19); // TRAIL_R: 17 -> 16 encrypted
        byte[] data = sample.toByteArray();

        assertThat(NalSubsamples.split(data, 0, data.length, 4, Syntax.HEVC))
                .containsExactly(new Subsample(28 + 12 + 4 + 2, 48), new Subsample(4 + 2 + 1, 16));
    }

    @Test
    void honoursShortLengthPrefixesAndOffsets() {
        PayloadWriter sample = new PayloadWriter().bytes(new byte[] {9, 9, 9});
        nal(sample, 2, 0x65, 40);
        nal(sample, 1, 0x41, 20);
        byte[] data = sample.toByteArray();

        assertThat(NalSubsamples.split(data, 3, 42, 2, Syntax.AVC)).containsExactly(new Subsample(2 + 1 + 7, 32));
    }

    @Test
    void splitsClearRunsLongerThan16Bits() {
        PayloadWriter sample = new PayloadWriter();
        nal(sample, 4, 0x06, 70_000);
        nal(sample, 4, 0x65, 17);
        byte[] data = sample.toByteArray();

        assertThat(NalSubsamples.split(data, 0, data.length, 4, Syntax.AVC))
                .containsExactly(new Subsample(65535, 0), new Subsample(70_004 - 65535 + 4 + 1, 16));
    }

    @Test
    void rejectsSamplesThatAreNotLengthPrefixedNalUnits() {
        PayloadWriter overrun = new PayloadWriter();
        nal(overrun, 4, 0x65, 40);
        byte[] data = overrun.toByteArray();

        assertThatThrownBy(() -> NalSubsamples.split(data, 0, data.length - 1, 4, Syntax.AVC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs past the end");
        assertThatThrownBy(() -> NalSubsamples.split(new byte[] {0, 0, 1}, 0, 3, 4, Syntax.AVC))
                .hasMessageContaining("Truncated NAL length prefix");
        assertThatThrownBy(() -> NalSubsamples.split(data, 0, data.length, 3, Syntax.AVC))
                .hasMessageContaining("1, 2 or 4");
    }
}
