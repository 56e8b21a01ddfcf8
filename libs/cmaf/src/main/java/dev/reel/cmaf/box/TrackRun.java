package dev.reel.cmaf.box;

import java.util.Arrays;

/**
 * A track fragment run ({@code trun}, ISO/IEC 14496-12 §8.8.8). The per-sample table is kept as
 * its encoded bytes (it is never rewritten); {@link #sampleSize(int, long)} reads sizes from it.
 * Immutable.
 */
public final class TrackRun {

    public static final int FLAG_DATA_OFFSET = 0x1;
    public static final int FLAG_FIRST_SAMPLE_FLAGS = 0x4;
    public static final int FLAG_SAMPLE_DURATION = 0x100;
    public static final int FLAG_SAMPLE_SIZE = 0x200;
    public static final int FLAG_SAMPLE_FLAGS = 0x400;
    public static final int FLAG_SAMPLE_COMPOSITION_TIME_OFFSET = 0x800;

    /**
     * Most samples one run may declare. A run without a per-sample table could otherwise claim
     * billions of samples in a dozen bytes; real fragments hold a few hundred.
     */
    public static final int MAX_SAMPLES = 1 << 20;

    private final int version;
    private final int flags;
    private final int sampleCount;
    private final int dataOffset;
    private final long firstSampleFlags;
    private final byte[] table;

    private TrackRun(int version, int flags, int sampleCount, int dataOffset, long firstSampleFlags, byte[] table) {
        this.version = version;
        this.flags = flags;
        this.sampleCount = sampleCount;
        this.dataOffset = dataOffset;
        this.firstSampleFlags = firstSampleFlags;
        this.table = table;
    }

    /**
     * Decodes a {@code trun} box.
     *
     * @throws MalformedBoxException if it is truncated, or its sample count exceeds the table or
     *     {@link #MAX_SAMPLES}
     */
    public static TrackRun parse(Box box) {
        PayloadReader in = TypedBoxes.reader(box, "trun");
        int version = in.u8();
        int flags = in.u24();
        long count = in.u32();
        int dataOffset = (flags & FLAG_DATA_OFFSET) != 0 ? in.s32() : 0;
        long firstFlags = (flags & FLAG_FIRST_SAMPLE_FLAGS) != 0 ? in.u32() : 0;
        int entrySize = entrySize(flags);
        if (count > MAX_SAMPLES) {
            throw new MalformedBoxException("'trun' declares " + count + " samples, more than " + MAX_SAMPLES);
        }
        long tableSize = count * entrySize;
        if (tableSize > in.remaining()) {
            throw new MalformedBoxException("'trun' declares " + count + " samples of " + entrySize + " bytes but only "
                    + in.remaining() + " bytes remain");
        }
        byte[] table = in.bytes((int) tableSize);
        return new TrackRun(version, flags, (int) count, dataOffset, firstFlags, table);
    }

    private static int entrySize(int flags) {
        int size = 0;
        for (int flag : new int[] {
            FLAG_SAMPLE_DURATION, FLAG_SAMPLE_SIZE, FLAG_SAMPLE_FLAGS, FLAG_SAMPLE_COMPOSITION_TIME_OFFSET
        }) {
            if ((flags & flag) != 0) {
                size += 4;
            }
        }
        return size;
    }

    public int version() {
        return version;
    }

    public int flags() {
        return flags;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public int sampleCount() {
        return sampleCount;
    }

    /** The data offset; meaningful only with {@link #FLAG_DATA_OFFSET}. */
    public int dataOffset() {
        return dataOffset;
    }

    /**
     * The size of sample {@code index}: from the table when the run carries sizes, else {@code
     * defaultSize} (from {@code tfhd} or {@code trex}).
     */
    public long sampleSize(int index, long defaultSize) {
        if (index < 0 || index >= sampleCount) {
            throw new IndexOutOfBoundsException(index);
        }
        if (!has(FLAG_SAMPLE_SIZE)) {
            return defaultSize;
        }
        int pos = index * entrySize(flags) + (has(FLAG_SAMPLE_DURATION) ? 4 : 0);
        return ((table[pos] & 0xFFL) << 24)
                | ((table[pos + 1] & 0xFFL) << 16)
                | ((table[pos + 2] & 0xFFL) << 8)
                | (table[pos + 3] & 0xFFL);
    }

    /** This run with {@link #FLAG_DATA_OFFSET} set and the given offset. */
    public TrackRun withDataOffset(int newOffset) {
        return new TrackRun(version, flags | FLAG_DATA_OFFSET, sampleCount, newOffset, firstSampleFlags, table);
    }

    public LeafBox toBox() {
        PayloadWriter out = new PayloadWriter(16 + table.length)
                .versionAndFlags(version, flags)
                .u32(sampleCount);
        if (has(FLAG_DATA_OFFSET)) {
            out.u32(dataOffset);
        }
        if (has(FLAG_FIRST_SAMPLE_FLAGS)) {
            out.u32(firstSampleFlags);
        }
        out.bytes(table);
        return LeafBox.of("trun", out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackRun other
                && version == other.version
                && flags == other.flags
                && sampleCount == other.sampleCount
                && dataOffset == other.dataOffset
                && firstSampleFlags == other.firstSampleFlags
                && Arrays.equals(table, other.table);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(table) * 31 + sampleCount;
    }

    @Override
    public String toString() {
        return "trun[samples=" + sampleCount + ", flags=0x" + Integer.toHexString(flags) + ", dataOffset=" + dataOffset
                + "]";
    }
}
