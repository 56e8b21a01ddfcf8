package dev.reel.playback.stream;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** RFC 6381 codec strings as manifests write them ({@code avc1.64001e,mp4a.40.2}). */
public final class Codecs {

    /** Families of video codecs a Reel manifest may carry; every other codec is treated as audio or text. */
    private static final Set<String> VIDEO_FAMILIES =
            Set.of("avc1", "avc3", "hvc1", "hev1", "av01", "vp09", "vp08", "dvh1", "dvhe", "dav1");

    private Codecs() {}

    /** The family of a codec string: the part before the first dot, lower case ({@code avc1} of {@code avc1.64001e}). */
    public static String family(String codec) {
        String value = codec.strip().toLowerCase(Locale.ROOT);
        int dot = value.indexOf('.');
        return dot < 0 ? value : value.substring(0, dot);
    }

    /** Whether the codec string names a video codec. */
    public static boolean isVideo(String codec) {
        return VIDEO_FAMILIES.contains(family(codec));
    }

    /**
     * The video codec of a comma-separated codec list ({@code avc1.64001e} of {@code avc1.64001e,mp4a.40.2}): the
     * first entry of a known video family, else the first entry, else null for an empty list.
     */
    public static @Nullable String videoCodec(String codecList) {
        List<String> codecs = List.of(codecList.split(","));
        String first = null;
        for (String codec : codecs) {
            String value = codec.strip();
            if (value.isEmpty()) {
                continue;
            }
            if (isVideo(value)) {
                return value;
            }
            if (first == null) {
                first = value;
            }
        }
        return first;
    }
}
