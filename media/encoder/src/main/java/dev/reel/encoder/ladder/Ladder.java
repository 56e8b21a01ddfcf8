package dev.reel.encoder.ladder;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An encoding ladder and the measurements behind it; serialises to and from JSON with Jackson as is, so a job can
 * store it and the studio can chart the points and the hull.
 *
 * @param kind per-title or fixed
 * @param metric the {@link QualityMetric#name()} the qualities are on, or {@code null} when nothing was measured
 * @param source the source's resolution
 * @param rungs the renditions by increasing bitrate; never empty
 * @param points every trial measurement (empty for a fixed ladder)
 * @param hull the vertices of the convex hull the rungs were chosen from: that of the points within the policy's
 *     bitrate bounds (empty for a fixed ladder)
 * @param policy the policy the rungs were chosen with, or {@code null} for a fixed ladder
 */
public record Ladder(
        LadderKind kind,
        @Nullable String metric,
        Resolution source,
        List<Rung> rungs,
        List<RateQualityPoint> points,
        List<RateQualityPoint> hull,
        @Nullable LadderPolicy policy) {

    public Ladder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        rungs = List.copyOf(rungs);
        points = List.copyOf(points);
        hull = List.copyOf(hull);
        if (rungs.isEmpty()) {
            throw new IllegalArgumentException("a ladder needs at least one rung");
        }
        for (int i = 1; i < rungs.size(); i++) {
            if (rungs.get(i).bitrate() <= rungs.get(i - 1).bitrate()) {
                throw new IllegalArgumentException("rungs must be in strictly increasing bitrate: " + rungs);
            }
        }
    }

    /** The cheapest rung. */
    public Rung bottom() {
        return rungs.getFirst();
    }

    /** The most expensive rung. */
    public Rung top() {
        return rungs.getLast();
    }
}
