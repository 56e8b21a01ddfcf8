package dev.reel.cmaf.box;

import java.util.Set;

/**
 * The sample entry types (children of {@code stsd}) this library understands, and the length of
 * their fixed fields before child boxes (ISO/IEC 14496-12 §12.1.3 and §12.2.3).
 */
public final class SampleEntries {

    /** Video sample entries: SampleEntry (8 bytes) + VisualSampleEntry fields (70 bytes). */
    public static final Set<String> VISUAL = Set.of(
            "avc1", "avc2", "avc3", "avc4", "hvc1", "hev1", "dvh1", "dvhe", "vp08", "vp09", "av01", "mp4v", "encv");

    /** Audio sample entries: SampleEntry (8 bytes) + AudioSampleEntry fields (20 bytes, more for QuickTime v1/v2). */
    public static final Set<String> AUDIO =
            Set.of("mp4a", "Opus", "fLaC", "ac-3", "ec-3", "ac-4", "alac", "mha1", "mhm1", "enca");

    /** H.264 sample entries, whose samples are length-prefixed NAL units described by {@code avcC}. */
    public static final Set<String> AVC = Set.of("avc1", "avc2", "avc3", "avc4");

    /** H.265 sample entries, whose samples are length-prefixed NAL units described by {@code hvcC}. */
    public static final Set<String> HEVC = Set.of("hvc1", "hev1", "dvh1", "dvhe");

    private static final int VISUAL_PREFIX = 78;
    private static final int AUDIO_PREFIX = 28;

    private SampleEntries() {}

    /**
     * The length of the fields before the first child box of a sample entry, or -1 if {@code type}
     * is not a known sample entry or its payload is too short to hold them.
     *
     * @param payload the entry's payload (after the box header)
     */
    static int prefixSize(String type, byte[] payload, int offset, int length) {
        int prefix;
        if (VISUAL.contains(type)) {
            prefix = VISUAL_PREFIX;
        } else if (AUDIO.contains(type)) {
            if (length < AUDIO_PREFIX) {
                return -1;
            }
            int version = ((payload[offset + 8] & 0xFF) << 8) | (payload[offset + 9] & 0xFF);
            prefix = switch (version) {
                case 0 -> AUDIO_PREFIX;
                case 1 -> AUDIO_PREFIX + 16;
                case 2 -> AUDIO_PREFIX + 36;
                default -> -1;
            };
        } else {
            return -1;
        }
        return prefix <= length ? prefix : -1;
    }
}
