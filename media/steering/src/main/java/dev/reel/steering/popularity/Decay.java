package dev.reel.steering.popularity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Exponential decay with a half-life: the popularity model of the fill planner. Immutable and thread-safe.
 *
 * <p>A title's score is {@code S(t) = Σ w_i·exp(-λ·(t − t_i))} over its views {@code i} (weight {@code w_i}, usually
 * 1), with {@code λ = ln 2 / halfLife}: a view counts 1 now, ½ one half-life ago, ¼ two half-lives ago. The score is an
 * exponentially weighted moving sum, so {@code λ·S(t)} is an exponentially weighted moving average of the view
 * <em>rate</em> with time constant {@code 1/λ}: a title viewed at a steady {@code r} views per second converges to
 * {@code S = r/λ}. {@link #predicted} projects that rate over a horizon: tomorrow's views are {@code λ·S(now)·24h}.
 * The projection is flat: it does not extrapolate a trend, it forgets old demand at the half-life's pace, which is
 * what lets a falling title leave the cache and a rising one enter it.
 *
 * <p>Events may arrive out of order: {@link #add} brings the score to the later of its instant and the event's, and
 * discounts whichever is older.
 */
public final class Decay {

    private static final double LN2 = Math.log(2);

    private final Duration halfLife;
    private final double lambdaPerSecond;

    private Decay(Duration halfLife) {
        this.halfLife = halfLife;
        this.lambdaPerSecond = LN2 / (halfLife.toNanos() / 1e9);
    }

    /**
     * A decay with this half-life.
     *
     * @throws IllegalArgumentException if the half-life is not positive
     */
    public static Decay withHalfLife(Duration halfLife) {
        Objects.requireNonNull(halfLife, "halfLife");
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("Half-life must be positive: " + halfLife);
        }
        return new Decay(halfLife);
    }

    public Duration halfLife() {
        return halfLife;
    }

    /** {@code λ} in 1/s. */
    public double lambdaPerSecond() {
        return lambdaPerSecond;
    }

    /** {@code exp(-λ·elapsed)}; 1 for a negative or zero elapsed time. */
    public double factor(Duration elapsed) {
        if (elapsed.isNegative() || elapsed.isZero()) {
            return 1;
        }
        return Math.exp(-lambdaPerSecond * (elapsed.toNanos() / 1e9));
    }

    /**
     * Adds an event.
     *
     * @param score the score so far, or null for none
     * @param at when the event happened
     * @param weight its weight, not negative
     * @return the score as of the later of {@code score.asOf()} and {@code at}
     */
    public DecayedScore add(@Nullable DecayedScore score, Instant at, double weight) {
        Objects.requireNonNull(at, "at");
        if (!(weight >= 0)) {
            throw new IllegalArgumentException("Weight must not be negative: " + weight);
        }
        if (score == null) {
            return new DecayedScore(weight, at);
        }
        Instant asOf = at.isAfter(score.asOf()) ? at : score.asOf();
        double decayed = score.score() * factor(Duration.between(score.asOf(), asOf));
        double added = weight * factor(Duration.between(at, asOf));
        return new DecayedScore(decayed + added, asOf);
    }

    /** The score at {@code at}: decayed forward from its instant; never increased for an earlier instant. */
    public double scoreAt(DecayedScore score, Instant at) {
        return score.score() * factor(Duration.between(score.asOf(), at));
    }

    /**
     * The expected number of events (weight) over the next {@code horizon} from {@code now}: the smoothed current rate
     * {@code λ·S(now)} times the horizon.
     */
    public double predicted(DecayedScore score, Instant now, Duration horizon) {
        return lambdaPerSecond * scoreAt(score, now) * (horizon.toNanos() / 1e9);
    }

    @Override
    public String toString() {
        return "Decay(half-life " + halfLife + ")";
    }
}
