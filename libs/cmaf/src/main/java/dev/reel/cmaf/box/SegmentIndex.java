package dev.reel.cmaf.box;

import java.util.ArrayList;
import java.util.List;

/**
 * The segment index ({@code sidx}, ISO/IEC 14496-12 §8.16.3). Offsets and sizes are byte counts:
 * the first reference starts {@code firstOffset} bytes after the end of this box, and each
 * reference covers {@code referencedSize} bytes after the previous one.
 */
public record SegmentIndex(
        int version,
        int flags,
        long referenceId,
        long timescale,
        long earliestPresentationTime,
        long firstOffset,
        int reserved,
        List<Reference> references) {

    /**
     * One reference.
     *
     * @param referencesIndex true if it points to another {@code sidx} (reference_type 1)
     * @param referencedSize bytes covered, below 2^31
     * @param sapBits the starts_with_SAP, SAP_type and SAP_delta_time word, kept as is
     */
    public record Reference(boolean referencesIndex, long referencedSize, long subsegmentDuration, long sapBits) {}

    public SegmentIndex {
        references = List.copyOf(references);
    }

    /** Decodes a {@code sidx} box. */
    public static SegmentIndex parse(Box box) {
        PayloadReader in = TypedBoxes.reader(box, "sidx");
        int version = in.u8();
        int flags = in.u24();
        long referenceId = in.u32();
        long timescale = in.u32();
        long ept = version == 0 ? in.u32() : in.u64();
        long firstOffset = version == 0 ? in.u32() : in.u64();
        int reserved = in.u16();
        int count = in.u16();
        in.require(12L * count);
        List<Reference> refs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long word = in.u32();
            refs.add(new Reference((word & 0x8000_0000L) != 0, word & 0x7FFF_FFFFL, in.u32(), in.u32()));
        }
        return new SegmentIndex(version, flags, referenceId, timescale, ept, firstOffset, reserved, refs);
    }

    /** A copy with new byte offsets, same times. */
    public SegmentIndex withOffsets(long newFirstOffset, List<Reference> newReferences) {
        return new SegmentIndex(
                version,
                flags,
                referenceId,
                timescale,
                earliestPresentationTime,
                newFirstOffset,
                reserved,
                newReferences);
    }

    /**
     * Encodes this index in its own version, so the size never changes.
     *
     * @throws IllegalStateException if a value no longer fits the version's fields
     */
    public LeafBox toBox() {
        PayloadWriter out = new PayloadWriter(32 + 12 * references.size())
                .versionAndFlags(version, flags)
                .u32(referenceId)
                .u32(timescale);
        if (version == 0) {
            if (firstOffset > 0xFFFF_FFFFL || earliestPresentationTime > 0xFFFF_FFFFL) {
                throw new IllegalStateException("sidx v0 cannot hold offset " + firstOffset);
            }
            out.u32(earliestPresentationTime).u32(firstOffset);
        } else {
            out.u64(earliestPresentationTime).u64(firstOffset);
        }
        out.u16(reserved).u16(references.size());
        for (Reference ref : references) {
            if (ref.referencedSize() < 0 || ref.referencedSize() > 0x7FFF_FFFFL) {
                throw new IllegalStateException("sidx referenced size out of range: " + ref.referencedSize());
            }
            out.u32((ref.referencesIndex() ? 0x8000_0000L : 0) | ref.referencedSize())
                    .u32(ref.subsegmentDuration())
                    .u32(ref.sapBits());
        }
        return LeafBox.of("sidx", out);
    }
}
