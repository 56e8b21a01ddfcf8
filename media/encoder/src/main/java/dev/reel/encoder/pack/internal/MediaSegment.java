package dev.reel.encoder.pack.internal;

import java.util.Objects;

/**
 * One published media segment.
 *
 * @param fileName the file name inside its rendition's directory, e.g. {@code seg-00001.m4s}
 * @param start the earliest presentation time, in the track's timescale
 * @param duration in the track's timescale, positive
 * @param bytes the size as published (encrypted)
 */
public record MediaSegment(String fileName, long start, long duration, long bytes) {

    public MediaSegment {
        Objects.requireNonNull(fileName, "fileName");
        if (duration <= 0 || bytes <= 0) {
            throw new IllegalArgumentException(
                    "segment duration and size must be positive: " + duration + ", " + bytes);
        }
    }
}
