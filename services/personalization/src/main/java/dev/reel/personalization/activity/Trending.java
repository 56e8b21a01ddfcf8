package dev.reel.personalization.activity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Time-decayed starts per title, all decayed to the same instant so they compare.
 *
 * @param scores by title; titles never started are absent (score 0)
 */
public record Trending(long version, Instant asOf, Map<UUID, Double> scores) {

    public static final Trending EMPTY = new Trending(0, Instant.EPOCH, Map.of());

    public Trending {
        scores = Map.copyOf(scores);
    }

    public double score(UUID titleId) {
        return scores.getOrDefault(titleId, 0.0);
    }
}
