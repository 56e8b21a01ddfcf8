package dev.reel.loadgen;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of samples, computed once from a sorted copy. */
final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** The percentiles of {@code samples}, which are copied (the caller may reuse the array). */
    static Percentiles of(long[] samples) {
        long[] copy = samples.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    /**
     * The smallest sample that at least {@code fraction} of the samples are less than or equal to (nearest rank), or 0
     * when there are no samples.
     *
     * @param fraction in (0, 1]
     */
    long at(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("a percentile is a fraction in (0, 1], was " + fraction);
        }
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    int count() {
        return sorted.length;
    }
}
