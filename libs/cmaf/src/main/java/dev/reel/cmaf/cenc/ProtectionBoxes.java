package dev.reel.cmaf.cenc;

import dev.reel.cmaf.box.ContainerBox;
import dev.reel.cmaf.box.LeafBox;
import dev.reel.cmaf.box.PayloadWriter;
import java.util.List;

/** Builders for the boxes ISO/IEC 23001-7 adds to protected init and media segments. */
final class ProtectionBoxes {

    /** W3C Common PSSH system ID (ClearKey): 1077efec-c0b2-4d02-ace3-3c1e52e2fb4b. */
    static final byte[] COMMON_SYSTEM_ID = {
        0x10,
        0x77,
        (byte) 0xef,
        (byte) 0xec,
        (byte) 0xc0,
        (byte) 0xb2,
        0x4d,
        0x02,
        (byte) 0xac,
        (byte) 0xe3,
        0x3c,
        0x1e,
        0x52,
        (byte) 0xe2,
        (byte) 0xfb,
        0x4b
    };

    static final String SCHEME_CENC = "cenc";
    static final long SCHEME_VERSION = 0x0001_0000L;
    static final int SENC_USE_SUBSAMPLES = 0x2;
    /** Offset of the first IV from the start of a {@code senc} box: header, version/flags, sample count. */
    static final int SENC_FIRST_IV_OFFSET = 8 + 4 + 4;

    private ProtectionBoxes() {}

    /** {@code sinf} with {@code frma}, {@code schm} 'cenc' 1.0 and {@code schi/tenc} (version 0, protected by default). */
    static ContainerBox sinf(String originalFormat, byte[] keyId, int ivSize) {
        LeafBox frma = LeafBox.of("frma", new PayloadWriter(4).fourCc(originalFormat));
        LeafBox schm = LeafBox.of(
                "schm",
                new PayloadWriter(12).versionAndFlags(0, 0).fourCc(SCHEME_CENC).u32(SCHEME_VERSION));
        LeafBox tenc = LeafBox.of(
                "tenc",
                new PayloadWriter(24)
                        .versionAndFlags(0, 0)
                        .u8(0)
                        .u8(0)
                        .u8(1)
                        .u8(ivSize)
                        .bytes(keyId));
        return ContainerBox.of("sinf", List.of(frma, schm, ContainerBox.of("schi", List.of(tenc))));
    }

    /** A version 1 {@code pssh} for the W3C common system listing {@code keyIds}, with no data. */
    static LeafBox commonPssh(List<byte[]> keyIds) {
        PayloadWriter out = new PayloadWriter(28 + 16 * keyIds.size())
                .versionAndFlags(1, 0)
                .bytes(COMMON_SYSTEM_ID)
                .u32(keyIds.size());
        for (byte[] kid : keyIds) {
            out.bytes(kid);
        }
        return LeafBox.of("pssh", out.u32(0));
    }

    /** Encryption parameters of one sample. */
    record SampleAux(byte[] iv, List<Subsample> subsamples) {

        int infoSize(boolean useSubsamples) {
            return iv.length + (useSubsamples ? 2 + 6 * subsamples.size() : 0);
        }
    }

    static LeafBox senc(List<SampleAux> samples, boolean useSubsamples) {
        PayloadWriter out = new PayloadWriter(8 + samples.size() * 16)
                .versionAndFlags(0, useSubsamples ? SENC_USE_SUBSAMPLES : 0)
                .u32(samples.size());
        for (SampleAux sample : samples) {
            out.bytes(sample.iv());
            if (useSubsamples) {
                out.u16(sample.subsamples().size());
                for (Subsample s : sample.subsamples()) {
                    out.u16(s.clearBytes()).u32(s.protectedBytes());
                }
            }
        }
        return LeafBox.of("senc", out);
    }

    static LeafBox saiz(List<SampleAux> samples, boolean useSubsamples) {
        int first = samples.isEmpty() ? 0 : samples.getFirst().infoSize(useSubsamples);
        boolean uniform = samples.stream().allMatch(s -> s.infoSize(useSubsamples) == first);
        PayloadWriter out = new PayloadWriter(9 + samples.size())
                .versionAndFlags(0, 0)
                .u8(uniform ? first : 0)
                .u32(samples.size());
        if (!uniform) {
            for (SampleAux sample : samples) {
                out.u8(sample.infoSize(useSubsamples));
            }
        }
        return LeafBox.of("saiz", out);
    }

    /** {@code saio} with one offset, relative to the start of the {@code moof} (default-base-is-moof). */
    static LeafBox saio(long offset) {
        return LeafBox.of(
                "saio", new PayloadWriter(12).versionAndFlags(0, 0).u32(1).u32(offset));
    }
}
