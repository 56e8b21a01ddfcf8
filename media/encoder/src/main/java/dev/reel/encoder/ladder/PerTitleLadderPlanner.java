package dev.reel.encoder.ladder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Chooses a title's ladder from its trial measurements. Deterministic, immutable and thread-safe.
 *
 * <p>The rungs are vertices of the {@link ConvexHull} of the trial points within [{@link LadderPolicy#minBitrate()},
 * {@link LadderPolicy#maxBitrate()}] (that hull is the ladder's {@link Ladder#hull()}), so every rung is an efficient
 * resolution/bitrate pair for this title within what the service is willing to stream. Building the hull after
 * bounding the bitrate matters: an encode just under the cap may be dominated only by one above it. When no point is
 * within the bounds, the ladder is one rung: the best point if all are too cheap, else the cheapest. Then:
 *
 * <ol>
 *   <li><b>Bottom:</b> the cheapest vertex at or above {@link LadderPolicy#qualityFloor()} (the cheapest vertex if
 *       none reaches it).
 *   <li><b>Top:</b> the first vertex at or above {@link LadderPolicy#qualityCeiling()} (else the dearest vertex);
 *       then, while the hull segment leading up to it gains less than {@link
 *       LadderPolicy#minGainPerDoubling()} per doubling of bitrate, the vertex below: the expensive tail where quality
 *       has saturated is cut. The rule looks down from the top, so a flat stretch at low bitrates (where upscaling,
 *       not bits, limits quality) does not stop the climb.
 *   <li><b>Count:</b> one rung per {@link LadderPolicy#qualityStep()} of quality between bottom and top, plus one,
 *       clamped to [{@link LadderPolicy#minRungs()}, {@link LadderPolicy#maxRungs()}], and at most the number of
 *       vertices from bottom to top. When those are fewer than {@code minRungs}, cheaper vertices below the bottom are
 *       added first, then dearer ones above the top; a hull with fewer vertices than {@code
 *       minRungs} gives all of them.
 *   <li><b>Between:</b> the vertices closest (least squares) to evenly spaced quality targets from bottom to top, so
 *       adjacent rungs differ by about the step.
 * </ol>
 */
public final class PerTitleLadderPlanner {

    private final LadderPolicy policy;

    public PerTitleLadderPlanner(LadderPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public LadderPolicy policy() {
        return policy;
    }

    /**
     * Plans a ladder.
     *
     * @param source the source's resolution
     * @param metric the name of the metric the points were measured with
     * @param points trial measurements, at least one
     * @throws IllegalArgumentException if {@code points} is empty
     */
    public Ladder plan(Resolution source, String metric, Collection<RateQualityPoint> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a ladder needs at least one measured point");
        }
        List<RateQualityPoint> eligible = points.stream()
                .filter(point -> point.bitrate() >= policy.minBitrate() && point.bitrate() <= policy.maxBitrate())
                .toList();
        List<RateQualityPoint> hull;
        List<RateQualityPoint> chosen;
        if (eligible.isEmpty()) {
            hull = ConvexHull.of(points, policy.hullScale()).vertices();
            boolean allTooCheap = hull.getFirst().bitrate() < policy.minBitrate();
            chosen = List.of(allTooCheap ? hull.getLast() : hull.getFirst());
        } else {
            hull = ConvexHull.of(eligible, policy.hullScale()).vertices();
            chosen = choose(hull);
        }
        List<Rung> rungs = new ArrayList<>(chosen.size());
        for (RateQualityPoint point : chosen) {
            rungs.add(new Rung(
                    point.resolution(),
                    policy.rateControl(),
                    point.bitrate(),
                    policy.vbr().maxBitrate(point.bitrate()),
                    policy.vbr().bufferSize(point.bitrate()),
                    point.crf(),
                    point.quality()));
        }
        return new Ladder(LadderKind.PER_TITLE, metric, source, rungs, List.copyOf(points), hull, policy);
    }

    /** The chosen vertices of a hull whose points all lie within the policy's bitrate bounds, by increasing bitrate. */
    List<RateQualityPoint> choose(List<RateQualityPoint> vertices) {
        int last = vertices.size() - 1;
        int bottom = 0;
        while (bottom < last && vertices.get(bottom).quality() < policy.qualityFloor()) {
            bottom++;
        }
        if (vertices.get(bottom).quality() < policy.qualityFloor()) {
            bottom = 0;
        }
        int top = last;
        for (int i = bottom; i <= last; i++) {
            if (vertices.get(i).quality() >= policy.qualityCeiling()) {
                top = i;
                break;
            }
        }
        while (top > bottom
                && gainPerDoubling(vertices.get(top - 1), vertices.get(top)) < policy.minGainPerDoubling()) {
            top--;
        }
        double span = vertices.get(top).quality() - vertices.get(bottom).quality();
        int wanted = (int) Math.floor(span / policy.qualityStep() + 1e-9) + 1;
        wanted = Math.clamp(wanted, policy.minRungs(), policy.maxRungs());
        while (top - bottom + 1 < policy.minRungs() && bottom > 0) {
            bottom--;
        }
        while (top - bottom + 1 < policy.minRungs() && top < last) {
            top++;
        }
        List<RateQualityPoint> candidates = vertices.subList(bottom, top + 1);
        return evenlySpaced(candidates, Math.min(wanted, candidates.size()));
    }

    private static double gainPerDoubling(RateQualityPoint from, RateQualityPoint to) {
        return (to.quality() - from.quality()) / (Math.log((double) to.bitrate() / from.bitrate()) / Math.log(2));
    }

    /**
     * Picks {@code count} of {@code candidates} (qualities increasing), always the first and last, minimising the
     * squared distance of the others to evenly spaced quality targets. Dynamic programming over (pick, candidate).
     */
    static List<RateQualityPoint> evenlySpaced(List<RateQualityPoint> candidates, int count) {
        int n = candidates.size();
        if (count <= 1) {
            return List.of(candidates.getLast());
        }
        if (count >= n) {
            return List.copyOf(candidates);
        }
        double low = candidates.getFirst().quality();
        double high = candidates.getLast().quality();
        double[][] cost = new double[count][n];
        int[][] from = new int[count][n];
        for (double[] row : cost) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int pick = 1; pick < count; pick++) {
            double target = low + (high - low) * pick / (count - 1);
            // Pick number `pick` can use candidate i only if enough candidates remain for the picks after it.
            for (int i = pick; i <= n - count + pick; i++) {
                double deviation = candidates.get(i).quality() - target;
                for (int previous = pick - 1; previous < i; previous++) {
                    double total = cost[pick - 1][previous] + deviation * deviation;
                    if (total < cost[pick][i]) {
                        cost[pick][i] = total;
                        from[pick][i] = previous;
                    }
                }
            }
        }
        int[] picks = new int[count];
        picks[count - 1] = n - 1;
        for (int pick = count - 1; pick > 0; pick--) {
            picks[pick - 1] = from[pick][picks[pick]];
        }
        List<RateQualityPoint> chosen = new ArrayList<>(count);
        for (int index : picks) {
            chosen.add(candidates.get(index));
        }
        return chosen;
    }
}
