package dev.reel.cmaf.cenc;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a length-prefixed H.264 or H.265 sample into CENC subsamples, following the common
 * practice for the 'cenc' scheme (as Shaka Packager does, and as CMAF requires):
 *
 * <ul>
 *   <li>a VCL NAL unit (a coded slice) keeps its length prefix and NAL header (1 byte for H.264, 2
 *       for H.265) in the clear and encrypts the rest, trimmed from the front to a multiple of 16
 *       bytes (the trimmed bytes, part of the slice header, stay clear);
 *   <li>every other NAL unit (SPS, PPS, SEI, AUD, ...) stays entirely in the clear;
 *   <li>adjacent clear runs merge, and a clear run longer than 65535 bytes is split into entries
 *       with no protected bytes.
 * </ul>
 */
public final class NalSubsamples {

    /** AES block size; CMAF wants protected ranges of 'cenc' video to be whole blocks. */
    static final int BLOCK = 16;

    /** The NAL unit syntaxes this class understands. */
    public enum Syntax {
        /** H.264: 1-byte NAL header, VCL types 1..5. */
        AVC(1),
        /** H.265: 2-byte NAL header, VCL types 0..31. */
        HEVC(2);

        private final int headerSize;

        Syntax(int headerSize) {
            this.headerSize = headerSize;
        }

        public int headerSize() {
            return headerSize;
        }

        boolean isVcl(byte firstHeaderByte) {
            return switch (this) {
                case AVC -> {
                    int type = firstHeaderByte & 0x1F;
                    yield type >= 1 && type <= 5;
                }
                case HEVC -> ((firstHeaderByte >> 1) & 0x3F) < 32;
            };
        }
    }

    private NalSubsamples() {}

    /**
     * Computes the subsamples of one sample.
     *
     * @param data the bytes holding the sample
     * @param offset where the sample starts in {@code data}
     * @param length the sample size
     * @param nalLengthSize 1, 2 or 4 (from {@code avcC}/{@code hvcC})
     * @return entries whose clear and protected bytes add up to {@code length}; empty for an empty sample
     * @throws IllegalArgumentException if the sample is not a sequence of length-prefixed NAL units
     *     that exactly fills it
     */
    public static List<Subsample> split(byte[] data, int offset, int length, int nalLengthSize, Syntax syntax) {
        if (nalLengthSize != 1 && nalLengthSize != 2 && nalLengthSize != 4) {
            throw new IllegalArgumentException("NAL length size must be 1, 2 or 4, not " + nalLengthSize);
        }
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("Sample [" + offset + ", +" + length + ") outside " + data.length);
        }
        List<Subsample> out = new ArrayList<>();
        long pendingClear = 0;
        int pos = offset;
        int end = offset + length;
        while (pos < end) {
            if (end - pos < nalLengthSize) {
                throw new IllegalArgumentException(
                        "Truncated NAL length prefix at byte " + (pos - offset) + " of a " + length + "-byte sample");
            }
            long nalSize = 0;
            for (int i = 0; i < nalLengthSize; i++) {
                nalSize = (nalSize << 8) | (data[pos + i] & 0xFF);
            }
            if (nalSize > end - pos - nalLengthSize) {
                throw new IllegalArgumentException("NAL unit of " + nalSize + " bytes at byte " + (pos - offset)
                        + " runs past the end of a " + length + "-byte sample");
            }
            int header = syntax.headerSize();
            long clear;
            long encrypted;
            if (nalSize > header && syntax.isVcl(data[pos + nalLengthSize])) {
                encrypted = nalSize - header;
                encrypted -= encrypted % BLOCK;
                clear = nalLengthSize + nalSize - encrypted;
            } else {
                clear = nalLengthSize + nalSize;
                encrypted = 0;
            }
            pendingClear += clear;
            if (encrypted > 0) {
                pendingClear = flushClear(out, pendingClear);
                out.add(new Subsample((int) pendingClear, encrypted));
                pendingClear = 0;
            }
            pos += nalLengthSize + (int) nalSize;
        }
        if (pendingClear > 0) {
            pendingClear = flushClear(out, pendingClear);
            out.add(new Subsample((int) pendingClear, 0));
        }
        return out;
    }

    /** Emits clear-only entries until at most 65535 clear bytes remain; returns what remains. */
    private static long flushClear(List<Subsample> out, long clear) {
        while (clear > 0xFFFF) {
            out.add(new Subsample(0xFFFF, 0));
            clear -= 0xFFFF;
        }
        return clear;
    }
}
