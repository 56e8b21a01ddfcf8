package dev.reel.steering.popularity;

import java.time.Instant;
import java.util.Objects;

/**
 * A time-decayed sum of weights, valid at one instant: {@code score = Σ weight·exp(-λ·(asOf − t))} over the events at
 * times {@code t ≤ asOf}. See {@link Decay}.
 *
 * @param score the sum at {@code asOf}, not negative
 * @param asOf the instant the score is valid at
 */
public record DecayedScore(double score, Instant asOf) {

    public DecayedScore {
        Objects.requireNonNull(asOf, "asOf");
        if (!(score >= 0) || Double.isInfinite(score)) {
            throw new IllegalArgumentException("A decayed score is finite and not negative: " + score);
        }
    }
}
