package dev.reel.encoder.pack.internal;

import dev.reel.cmaf.TrackKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Hand-made packaged tracks for the manifest tests. */
final class Tracks {

    static final byte[] KEY_ID = java.util.HexFormat.of().parseHex("a7e61c373e219033c21091fa607bf3b8");

    private Tracks() {}

    /** A video track at 12288 ticks per second with segments of the given durations (ticks) and sizes. */
    static PackagedTrack video(String id, int width, int height, String codec, long[] durations, long[] bytes) {
        InitInfo info = new InitInfo(1, TrackKind.VIDEO, 12288, codec, width, height, 0, 0, 0);
        return new PackagedTrack(id, "video/" + id, info, segments(durations, bytes));
    }

    /** A 48 kHz stereo AAC track. */
    static PackagedTrack audio(String id, long[] durations, long[] bytes) {
        InitInfo info = new InitInfo(1, TrackKind.AUDIO, 48000, "mp4a.40.2", 0, 0, 2, 48000, 0);
        return new PackagedTrack(id, "audio/" + id, info, segments(durations, bytes));
    }

    static Protection protection() {
        return new Protection(KEY_ID, new byte[] {0, 0, 0, 8, 'p', 's', 's', 'h'});
    }

    private static List<MediaSegment> segments(long[] durations, long[] bytes) {
        List<MediaSegment> segments = new ArrayList<>();
        long start = 0;
        for (int i = 0; i < durations.length; i++) {
            segments.add(
                    new MediaSegment(String.format(Locale.ROOT, "seg-%05d.m4s", i + 1), start, durations[i], bytes[i]));
            start += durations[i];
        }
        return segments;
    }
}
