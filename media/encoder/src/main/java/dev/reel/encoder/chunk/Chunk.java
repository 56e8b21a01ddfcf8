package dev.reel.encoder.chunk;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One piece of a source, encoded on its own and concatenated with the others afterwards.
 *
 * @param index position in the plan, from 0
 * @param start presentation time of its first frame in the source, not negative
 * @param duration positive
 */
public record Chunk(int index, Duration start, Duration duration) {

    public Chunk {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
        if (start.isNegative()) {
            throw new IllegalArgumentException("start must not be negative: " + start);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
    }

    /** Start + duration: where the next chunk starts. */
    public Duration end() {
        return start.plus(duration);
    }

    /** The first source frame of this chunk at a constant {@code frameRate}. */
    public long firstFrame(double frameRate) {
        return frameAt(start, frameRate);
    }

    /** The number of source frames in this chunk at a constant {@code frameRate}. */
    public long frameCount(double frameRate) {
        return frameAt(end(), frameRate) - frameAt(start, frameRate);
    }

    static long frameAt(Duration time, double frameRate) {
        return Math.round(time.toNanos() * frameRate / 1e9);
    }

    @Override
    public String toString() {
        return "chunk " + index + " [" + seconds(start) + " s, " + seconds(end()) + " s)";
    }

    private static String seconds(Duration time) {
        return String.format(Locale.ROOT, "%.3f", time.toNanos() / 1e9);
    }
}
