package dev.reel.search.popularity.internal;

import dev.reel.search.popularity.Popularity;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decayed start counts per title, in memory. Each title keeps one pair (score, instant it is valid at); a start at
 * {@code t} brings the pair to the later of the two instants, discounting whichever is older by {@code exp(-λ·Δt)} with
 * {@code λ = ln 2 / halfLife}, so starts may arrive in any order. Reads decay the pair forward to the asked instant.
 *
 * <p>Starts are deduplicated by event id over the last {@code dedupeWindow} ids: the outbox publishes at least once, and
 * a duplicate sits next to its original in the topic.
 */
final class DecayedCounts implements Popularity {

    private record Score(double value, Instant asOf) {}

    private final double lambdaPerSecond;
    private final Map<UUID, Score> scores = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> recentEvents;

    DecayedCounts(Duration halfLife, int dedupeWindow) {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("Half-life must be positive: " + halfLife);
        }
        this.lambdaPerSecond = Math.log(2) / (halfLife.toNanos() / 1e9);
        this.recentEvents = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > dedupeWindow;
            }
        };
    }

    /**
     * Counts one start of the title.
     *
     * @return false when this event id was already counted
     */
    boolean started(UUID eventId, UUID titleId, Instant at) {
        Objects.requireNonNull(titleId, "titleId");
        Objects.requireNonNull(at, "at");
        synchronized (recentEvents) {
            if (recentEvents.putIfAbsent(eventId, Boolean.TRUE) != null) {
                return false;
            }
        }
        scores.merge(titleId, new Score(1, at), (old, added) -> {
            Instant asOf = old.asOf().isAfter(at) ? old.asOf() : at;
            return new Score(old.value() * factor(old.asOf(), asOf) + added.value() * factor(at, asOf), asOf);
        });
        return true;
    }

    @Override
    public double of(UUID titleId, Instant at) {
        Score score = scores.get(titleId);
        return score == null ? 0 : score.value() * factor(score.asOf(), at);
    }

    /** Titles with at least one start. */
    int titles() {
        return scores.size();
    }

    /** {@code exp(-λ·(to − from))}, and 1 when {@code to} is not after {@code from} (never inflates a score). */
    private double factor(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 1;
        }
        return Math.exp(-lambdaPerSecond * (Duration.between(from, to).toNanos() / 1e9));
    }
}
