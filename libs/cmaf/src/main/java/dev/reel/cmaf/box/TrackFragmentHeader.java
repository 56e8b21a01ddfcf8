package dev.reel.cmaf.box;

/**
 * The track fragment header ({@code tfhd}, ISO/IEC 14496-12 §8.8.7). Optional fields are 0 when
 * their flag is clear.
 *
 * @param flags the 24-bit flags; see the {@code FLAG_} constants
 * @param trackId the track this fragment belongs to
 * @param baseDataOffset absolute base offset, present with {@link #FLAG_BASE_DATA_OFFSET}
 */
public record TrackFragmentHeader(
        int version,
        int flags,
        long trackId,
        long baseDataOffset,
        long sampleDescriptionIndex,
        long defaultSampleDuration,
        long defaultSampleSize,
        long defaultSampleFlags) {

    public static final int FLAG_BASE_DATA_OFFSET = 0x1;
    public static final int FLAG_SAMPLE_DESCRIPTION_INDEX = 0x2;
    public static final int FLAG_DEFAULT_SAMPLE_DURATION = 0x8;
    public static final int FLAG_DEFAULT_SAMPLE_SIZE = 0x10;
    public static final int FLAG_DEFAULT_SAMPLE_FLAGS = 0x20;
    public static final int FLAG_DURATION_IS_EMPTY = 0x10000;
    public static final int FLAG_DEFAULT_BASE_IS_MOOF = 0x20000;

    /**
     * Decodes a {@code tfhd} box.
     *
     * @throws MalformedBoxException if it is truncated or not a {@code tfhd}
     */
    public static TrackFragmentHeader parse(Box box) {
        PayloadReader in = TypedBoxes.reader(box, "tfhd");
        int version = in.u8();
        int flags = in.u24();
        long trackId = in.u32();
        long base = (flags & FLAG_BASE_DATA_OFFSET) != 0 ? in.u64() : 0;
        long sdi = (flags & FLAG_SAMPLE_DESCRIPTION_INDEX) != 0 ? in.u32() : 0;
        long duration = (flags & FLAG_DEFAULT_SAMPLE_DURATION) != 0 ? in.u32() : 0;
        long size = (flags & FLAG_DEFAULT_SAMPLE_SIZE) != 0 ? in.u32() : 0;
        long sampleFlags = (flags & FLAG_DEFAULT_SAMPLE_FLAGS) != 0 ? in.u32() : 0;
        return new TrackFragmentHeader(version, flags, trackId, base, sdi, duration, size, sampleFlags);
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /**
     * This header with the base data offset removed and default-base-is-moof set, so that data
     * offsets (and {@code saio} offsets) count from the start of the enclosing {@code moof}.
     */
    public TrackFragmentHeader withDefaultBaseIsMoof() {
        return new TrackFragmentHeader(
                version,
                (flags & ~FLAG_BASE_DATA_OFFSET) | FLAG_DEFAULT_BASE_IS_MOOF,
                trackId,
                0,
                sampleDescriptionIndex,
                defaultSampleDuration,
                defaultSampleSize,
                defaultSampleFlags);
    }

    public LeafBox toBox() {
        PayloadWriter out =
                new PayloadWriter(32).versionAndFlags(version, flags).u32(trackId);
        if (has(FLAG_BASE_DATA_OFFSET)) {
            out.u64(baseDataOffset);
        }
        if (has(FLAG_SAMPLE_DESCRIPTION_INDEX)) {
            out.u32(sampleDescriptionIndex);
        }
        if (has(FLAG_DEFAULT_SAMPLE_DURATION)) {
            out.u32(defaultSampleDuration);
        }
        if (has(FLAG_DEFAULT_SAMPLE_SIZE)) {
            out.u32(defaultSampleSize);
        }
        if (has(FLAG_DEFAULT_SAMPLE_FLAGS)) {
            out.u32(defaultSampleFlags);
        }
        return LeafBox.of("tfhd", out);
    }
}
