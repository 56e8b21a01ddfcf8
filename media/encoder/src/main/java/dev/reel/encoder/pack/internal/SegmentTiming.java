package dev.reel.encoder.pack.internal;

/**
 * The timing of one media segment, in its track's timescale.
 *
 * @param decodeTime the first fragment's {@code tfdt} base media decode time
 * @param start the earliest presentation time of any sample (decode time plus composition offset)
 * @param duration the sum of the sample durations
 * @param samples the number of samples
 * @param firstSampleDuration the duration of the first sample (one frame for video)
 */
public record SegmentTiming(long decodeTime, long start, long duration, int samples, long firstSampleDuration) {}
