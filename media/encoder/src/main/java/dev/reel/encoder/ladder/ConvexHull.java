package dev.reel.encoder.ladder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The upper convex hull of quality against bitrate (on a {@link RateScale}) over measured points of every
 * resolution: the efficient frontier. Its vertices run from the cheapest point up to the best one, with bitrate and
 * quality both strictly increasing, and the slope between neighbours falling. A point that is not a vertex is
 * dominated: some vertex, or a mix of two neighbouring vertices, gives at least its quality for at most its bitrate.
 * Immutable.
 */
public final class ConvexHull {

    private final RateScale scale;
    private final List<RateQualityPoint> vertices;
    private final List<RateQualityPoint> dominated;

    private ConvexHull(RateScale scale, List<RateQualityPoint> vertices, List<RateQualityPoint> dominated) {
        this.scale = scale;
        this.vertices = List.copyOf(vertices);
        this.dominated = List.copyOf(dominated);
    }

    /**
     * The hull of {@code points}.
     *
     * @throws IllegalArgumentException if {@code points} is empty
     */
    public static ConvexHull of(Collection<RateQualityPoint> points, RateScale scale) {
        Objects.requireNonNull(scale, "scale");
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a hull needs at least one point");
        }
        List<RateQualityPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingLong(RateQualityPoint::bitrate)
                .thenComparing(
                        Comparator.comparingDouble(RateQualityPoint::quality).reversed()));
        List<RateQualityPoint> upper = new ArrayList<>();
        for (RateQualityPoint point : sorted) {
            if (!upper.isEmpty() && upper.getLast().bitrate() == point.bitrate()) {
                continue; // same bitrate, no better quality (sorted best first)
            }
            while (upper.size() >= 2 && !turnsDown(upper.get(upper.size() - 2), upper.getLast(), point, scale)) {
                upper.removeLast();
            }
            upper.add(point);
        }
        // The hull rises to its best point; anything after it costs more for less.
        int best = 0;
        for (int i = 1; i < upper.size(); i++) {
            if (upper.get(i).quality() > upper.get(best).quality()) {
                best = i;
            }
        }
        List<RateQualityPoint> vertices = new ArrayList<>(upper.subList(0, best + 1));
        List<RateQualityPoint> dominated = new ArrayList<>();
        for (RateQualityPoint point : points) {
            if (!containsIdentity(vertices, point)) {
                dominated.add(point);
            }
        }
        return new ConvexHull(scale, vertices, dominated);
    }

    /** Whether the path o → a → b turns strictly clockwise, i.e. {@code a} lies strictly above the chord o–b. */
    private static boolean turnsDown(RateQualityPoint o, RateQualityPoint a, RateQualityPoint b, RateScale scale) {
        double ox = scale.x(o.bitrate());
        double ax = scale.x(a.bitrate()) - ox;
        double bx = scale.x(b.bitrate()) - ox;
        double aq = a.quality() - o.quality();
        double bq = b.quality() - o.quality();
        return ax * bq - aq * bx < 0;
    }

    private static boolean containsIdentity(List<RateQualityPoint> list, RateQualityPoint point) {
        for (RateQualityPoint candidate : list) {
            if (candidate == point) {
                return true;
            }
        }
        return false;
    }

    public RateScale scale() {
        return scale;
    }

    /** The hull's vertices, by increasing bitrate and quality; never empty. */
    public List<RateQualityPoint> vertices() {
        return vertices;
    }

    /** The input points that are not vertices, in input order. */
    public List<RateQualityPoint> dominated() {
        return dominated;
    }

    /** Whether {@code point} is a vertex (compared by value). */
    public boolean contains(RateQualityPoint point) {
        return vertices.contains(point);
    }

    /**
     * The hull's quality at {@code bitrate}, interpolated along the hull on its scale; clamped to the first vertex's
     * quality below it and to the last vertex's above it.
     */
    public double qualityAt(double bitrate) {
        RateQualityPoint first = vertices.getFirst();
        if (bitrate <= first.bitrate()) {
            return first.quality();
        }
        for (int i = 1; i < vertices.size(); i++) {
            RateQualityPoint right = vertices.get(i);
            if (bitrate <= right.bitrate()) {
                RateQualityPoint left = vertices.get(i - 1);
                double t = (scale.x(bitrate) - scale.x(left.bitrate()))
                        / (scale.x(right.bitrate()) - scale.x(left.bitrate()));
                return left.quality() + t * (right.quality() - left.quality());
            }
        }
        return vertices.getLast().quality();
    }

    @Override
    public String toString() {
        return "ConvexHull[" + scale + ", " + vertices + "]";
    }
}
