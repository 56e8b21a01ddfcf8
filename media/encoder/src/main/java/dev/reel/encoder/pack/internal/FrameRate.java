package dev.reel.encoder.pack.internal;

import java.util.Locale;

/**
 * A frame rate as an exact fraction, e.g. 24/1 or 30000/1001.
 *
 * @param numerator positive
 * @param denominator positive
 */
public record FrameRate(long numerator, long denominator) {

    public FrameRate {
        if (numerator <= 0 || denominator <= 0) {
            throw new IllegalArgumentException("frame rate must be positive: " + numerator + "/" + denominator);
        }
        long gcd = gcd(numerator, denominator);
        numerator /= gcd;
        denominator /= gcd;
    }

    /** The rate of frames lasting {@code frameDuration} ticks of {@code timescale}. */
    public static FrameRate of(long timescale, long frameDuration) {
        return new FrameRate(timescale, frameDuration);
    }

    public double value() {
        return numerator / (double) denominator;
    }

    /** As DASH writes it: {@code 24} or {@code 30000/1001}. */
    public String dash() {
        return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
    }

    /** As HLS writes it: a decimal with three places, {@code 29.970}. */
    public String hls() {
        return String.format(Locale.ROOT, "%.3f", value());
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
