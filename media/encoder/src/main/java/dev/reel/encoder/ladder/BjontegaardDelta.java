package dev.reel.encoder.ladder;

import dev.reel.encoder.ladder.internal.Curve;
import dev.reel.encoder.ladder.internal.Pchip;
import dev.reel.encoder.ladder.internal.Polynomial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Bjøntegaard delta: the average difference between two rate–quality curves over the range both cover. Each curve is
 * a cubic in log-rate against quality (or the reverse for {@link #quality}), integrated analytically over the overlap;
 * the {@link Interpolation} says which cubic.
 */
public final class BjontegaardDelta {

    /** How each curve is made continuous between its points. */
    public enum Interpolation {
        /**
         * One least-squares cubic polynomial per curve (a lower degree under four points), as in the original VCEG-M33.
         * Fine for smooth curves of four or so points; with clustered points or a quality cliff it can swing far
         * between them.
         */
        POLYNOMIAL,
        /**
         * Piecewise cubic Hermite through every point with monotone slopes (PCHIP), the variant later adopted for
         * codec comparisons (JCTVC-L0242, AOM common test conditions): it never overshoots between points. Needs
         * points strictly increasing along the fitted axis; pass the curves through {@link #efficient} first.
         */
        PCHIP
    }

    private BjontegaardDelta() {}

    /**
     * The BD-rate of {@code test} against {@code reference} with {@link Interpolation#POLYNOMIAL}.
     *
     * @see #rate(List, List, Interpolation)
     */
    public static double rate(List<RateQualityPoint> reference, List<RateQualityPoint> test) {
        return rate(reference, test, Interpolation.POLYNOMIAL);
    }

    /**
     * The BD-rate of {@code test} against {@code reference}: the average bitrate difference at equal quality, in
     * percent, over the quality range both curves cover. Negative means {@code test} needs fewer bits (−20 is a 20 %
     * saving). Interpolates ln(bitrate) as a function of quality.
     *
     * @throws IllegalArgumentException if either curve has fewer than two points of distinct quality, the quality
     *     ranges do not overlap, or (for PCHIP) a curve's qualities are not strictly increasing with bitrate
     */
    public static double rate(
            List<RateQualityPoint> reference, List<RateQualityPoint> test, Interpolation interpolation) {
        double[] overlap = overlap(qualities(reference), qualities(test));
        Curve referenceCurve = curve(qualities(reference), logRates(reference), interpolation);
        Curve testCurve = curve(qualities(test), logRates(test), interpolation);
        double averageDifference =
                (testCurve.integral(overlap[0], overlap[1]) - referenceCurve.integral(overlap[0], overlap[1]))
                        / (overlap[1] - overlap[0]);
        return (Math.exp(averageDifference) - 1) * 100;
    }

    /**
     * The BD-quality of {@code test} against {@code reference}: the average quality difference at equal bitrate, in the
     * metric's unit (positive means {@code test} is better), over the log-rate range both cover.
     *
     * @throws IllegalArgumentException as {@link #rate(List, List, Interpolation)}, with bitrate in place of quality
     */
    public static double quality(
            List<RateQualityPoint> reference, List<RateQualityPoint> test, Interpolation interpolation) {
        double[] overlap = overlap(logRates(reference), logRates(test));
        Curve referenceCurve = curve(logRates(reference), qualities(reference), interpolation);
        Curve testCurve = curve(logRates(test), qualities(test), interpolation);
        return (testCurve.integral(overlap[0], overlap[1]) - referenceCurve.integral(overlap[0], overlap[1]))
                / (overlap[1] - overlap[0]);
    }

    /** The quality range both curves cover, {@code [low, high]}, or {@code null} when they do not overlap. */
    public static double @Nullable [] sharedQualityRange(
            List<RateQualityPoint> reference, List<RateQualityPoint> test) {
        if (reference.isEmpty() || test.isEmpty()) {
            return null;
        }
        double[] a = qualities(reference);
        double[] b = qualities(test);
        double low = Math.max(min(a), min(b));
        double high = Math.min(max(a), max(b));
        return high > low ? new double[] {low, high} : null;
    }

    /**
     * The points no other point of the list beats (at most its bitrate and at least its quality, one of them
     * strictly), by increasing bitrate; bitrate and quality then both increase strictly. Use it to turn a ladder's
     * measured rungs into a monotone curve: a rung that a cheaper rung of the same ladder outperforms is never worth
     * switching to, and no interpolation means anything through a curve that goes back on itself.
     */
    public static List<RateQualityPoint> efficient(List<RateQualityPoint> points) {
        List<RateQualityPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingLong(RateQualityPoint::bitrate)
                .thenComparing(
                        Comparator.comparingDouble(RateQualityPoint::quality).reversed()));
        List<RateQualityPoint> front = new ArrayList<>();
        for (RateQualityPoint point : sorted) {
            if (front.isEmpty() || point.quality() > front.getLast().quality()) {
                front.add(point);
            }
        }
        return front;
    }

    private static Curve curve(double[] x, double[] y, Interpolation interpolation) {
        int distinct = (int) Arrays.stream(x).distinct().count();
        if (distinct < 2) {
            throw new IllegalArgumentException("a curve needs at least two points with distinct values");
        }
        if (interpolation == Interpolation.POLYNOMIAL) {
            return Polynomial.fit(x, y, Math.min(3, distinct - 1));
        }
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] sortedX = new double[x.length];
        double[] sortedY = new double[x.length];
        for (int i = 0; i < order.length; i++) {
            sortedX[i] = x[order[i]];
            sortedY[i] = y[order[i]];
        }
        return Pchip.through(sortedX, sortedY);
    }

    private static double[] overlap(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("each curve needs at least two points");
        }
        double low = Math.max(min(a), min(b));
        double high = Math.min(max(a), max(b));
        if (!(high > low)) {
            throw new IllegalArgumentException(
                    "the curves do not overlap: [" + min(a) + ", " + max(a) + "] and [" + min(b) + ", " + max(b) + "]");
        }
        return new double[] {low, high};
    }

    private static double[] qualities(List<RateQualityPoint> points) {
        return points.stream().mapToDouble(RateQualityPoint::quality).toArray();
    }

    private static double[] logRates(List<RateQualityPoint> points) {
        return points.stream().mapToDouble(point -> Math.log(point.bitrate())).toArray();
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
