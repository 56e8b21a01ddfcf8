package dev.reel.encoder.pack.internal;

import java.util.List;
import java.util.Objects;

/**
 * A video or audio rendition as published: its directory, init segment and media segments.
 *
 * @param id the rendition id
 * @param directory the rendition's directory relative to the title, e.g. {@code video/v360p}
 * @param info what its init segment declares
 * @param segments the media segments in order, at least one
 */
public record PackagedTrack(String id, String directory, InitInfo info, List<MediaSegment> segments) {

    /** The init segment's file name inside {@link #directory}. */
    public static final String INIT = "init.mp4";

    /** The media playlist's file name inside {@link #directory}. */
    public static final String PLAYLIST = "index.m3u8";

    public PackagedTrack {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(info, "info");
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a track needs at least one segment");
        }
    }

    public long timescale() {
        return info.timescale();
    }

    /** The sum of the segment durations in seconds. */
    public double durationSeconds() {
        long ticks = 0;
        for (MediaSegment segment : segments) {
            ticks += segment.duration();
        }
        return ticks / (double) timescale();
    }

    public double seconds(long ticks) {
        return ticks / (double) timescale();
    }

    /** Bits per second over the whole track, rounded up. */
    public long averageBandwidth() {
        long bytes = 0;
        for (MediaSegment segment : segments) {
            bytes += segment.bytes();
        }
        return (long) Math.ceil(bytes * 8 / durationSeconds());
    }

    /**
     * The peak segment bit rate as RFC 8216 §4.3.4.2 defines it: the highest bit rate of any run of contiguous
     * segments lasting between 0.5 and 1.5 times the target duration; the average when the track is too short for
     * any such run.
     */
    public long peakBandwidth(double targetSeconds) {
        double peak = 0;
        for (int i = 0; i < segments.size(); i++) {
            long bytes = 0;
            double seconds = 0;
            for (int j = i; j < segments.size(); j++) {
                bytes += segments.get(j).bytes();
                seconds += seconds(segments.get(j).duration());
                if (seconds > 1.5 * targetSeconds) {
                    break;
                }
                if (seconds >= 0.5 * targetSeconds) {
                    peak = Math.max(peak, bytes * 8 / seconds);
                }
            }
        }
        return peak > 0 ? (long) Math.ceil(peak) : averageBandwidth();
    }

    /** The HLS target duration: the longest segment, rounded to the nearest second, at least 1. */
    public int targetDurationSeconds() {
        long longest = 0;
        for (MediaSegment segment : segments) {
            longest = Math.max(longest, Math.round(seconds(segment.duration())));
        }
        return (int) Math.max(1, longest);
    }
}
