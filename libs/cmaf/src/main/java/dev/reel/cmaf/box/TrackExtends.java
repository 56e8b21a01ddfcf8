package dev.reel.cmaf.box;

/** The track extends box ({@code trex}, ISO/IEC 14496-12 §8.8.3): per-track fragment defaults. */
public record TrackExtends(
        long trackId,
        long defaultSampleDescriptionIndex,
        long defaultSampleDuration,
        long defaultSampleSize,
        long defaultSampleFlags) {

    /** Decodes a {@code trex} box. */
    public static TrackExtends parse(Box box) {
        PayloadReader in = TypedBoxes.reader(box, "trex");
        in.skip(4);
        return new TrackExtends(in.u32(), in.u32(), in.u32(), in.u32(), in.u32());
    }
}
