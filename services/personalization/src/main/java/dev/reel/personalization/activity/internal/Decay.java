package dev.reel.personalization.activity.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential decay with a half-life: a weight added at {@code t} counts {@code 2^(-(now - t) / halfLife)} at {@code
 * now}. A score is kept as (value, asOf) and only moved forward in time, so adding an old event never re-weights the
 * newer ones.
 */
record Decay(Duration halfLife) {

    Decay {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("half-life must be positive");
        }
    }

    /** {@code score} (valid at {@code asOf}) as seen at {@code at}. */
    double at(double score, Instant asOf, Instant at) {
        double ageMillis = Duration.between(asOf, at).toMillis();
        return score * Math.pow(2, -ageMillis / halfLife.toMillis());
    }

    /**
     * The score after adding {@code weight} at {@code at}.
     *
     * @return the new score, valid at the later of {@code asOf} and {@code at}
     */
    Scored add(double score, Instant asOf, Instant at, double weight) {
        if (at.isAfter(asOf)) {
            return new Scored(at(score, asOf, at) + weight, at);
        }
        return new Scored(score + at(weight, at, asOf), asOf);
    }

    /** A score and the instant it is valid at. */
    record Scored(double score, Instant asOf) {}
}
