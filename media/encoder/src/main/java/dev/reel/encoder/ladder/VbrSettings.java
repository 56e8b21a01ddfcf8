package dev.reel.encoder.ladder;

/**
 * The VBV cap around a rung's target bitrate, and the number of encoding passes.
 *
 * <p>The default, {@link #DEFAULT}, is 2-pass with {@code maxrate} = 1.5 × target and {@code bufsize} = 2 × target:
 * the peak stays within 1.5× of the average over any stretch longer than the buffer (1.33 s at the peak rate), so a 4
 * s segment is at most about 2× the average, while the encoder still moves bits to hard scenes. The second pass makes
 * the average land on the target, which is what the manifest advertises.
 *
 * @param maxrateFactor {@code maxrate} ÷ target, at least 1
 * @param bufferFactor {@code bufsize} ÷ target, positive
 * @param passes 1 or 2
 */
public record VbrSettings(double maxrateFactor, double bufferFactor, int passes) {

    /** 2-pass, maxrate 1.5×, bufsize 2×. */
    public static final VbrSettings DEFAULT = new VbrSettings(1.5, 2.0, 2);

    public VbrSettings {
        if (!(maxrateFactor >= 1.0) || !Double.isFinite(maxrateFactor)) {
            throw new IllegalArgumentException("maxrate factor must be at least 1: " + maxrateFactor);
        }
        if (!(bufferFactor > 0) || !Double.isFinite(bufferFactor)) {
            throw new IllegalArgumentException("buffer factor must be positive: " + bufferFactor);
        }
        if (passes != 1 && passes != 2) {
            throw new IllegalArgumentException("passes must be 1 or 2: " + passes);
        }
    }

    /** {@code maxrate} for a target bitrate. */
    public long maxBitrate(long target) {
        return Math.round(target * maxrateFactor);
    }

    /** {@code bufsize} for a target bitrate. */
    public long bufferSize(long target) {
        return Math.round(target * bufferFactor);
    }
}
