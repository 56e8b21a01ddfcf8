package dev.reel.personalization.activity.internal;

import dev.reel.personalization.PersonalizationProperties;
import dev.reel.personalization.activity.Activity;
import dev.reel.personalization.activity.Interaction;
import dev.reel.personalization.activity.Trending;
import dev.reel.personalization.catalog.CatalogView;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Activity} over PostgreSQL, and the application of playback events to it.
 *
 * <p>Watch strength of a (profile, title) is the largest {@code position / duration} any event of it showed, capped at
 * 1; a start alone counts {@link Activity#START_STRENGTH}. The duration is the event's {@code durationMillis}, or the
 * title's runtime from the catalog when the event says 0; without either only the start counts. Trending adds 1 per
 * start with the configured half-life.
 */
@Service
class ActivityService implements Activity {

    private static final Logger log = LoggerFactory.getLogger(ActivityService.class);

    /** What applying an event did. */
    enum Outcome {
        APPLIED,
        REDELIVERED
    }

    private final ActivityRepository repository;
    private final CatalogView catalog;
    private final Decay decay;
    private final Clock clock;
    private volatile Trending trending = Trending.EMPTY;

    ActivityService(
            ActivityRepository repository, CatalogView catalog, PersonalizationProperties properties, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.decay = new Decay(properties.trending().halfLife());
        this.clock = clock;
    }

    @Transactional
    Outcome started(UUID eventId, String type, UUID accountId, UUID profileId, UUID titleId, Instant at) {
        if (!repository.markConsumed(eventId, type)) {
            return Outcome.REDELIVERED;
        }
        repository.record(profileId, titleId, accountId, START_STRENGTH, 1, at);
        var row = repository.lockTrending(titleId);
        Decay.Scored scored = row.isEmpty()
                ? new Decay.Scored(1, at)
                : decay.add(row.get().score(), row.get().asOf(), at, 1);
        repository.saveTrending(
                titleId, scored.score(), scored.asOf(), row.map(r -> r.starts()).orElse(0L) + 1);
        return Outcome.APPLIED;
    }

    @Transactional
    Outcome progressed(
            UUID eventId,
            String type,
            UUID accountId,
            UUID profileId,
            UUID titleId,
            long positionMillis,
            long durationMillis,
            Instant at) {
        if (!repository.markConsumed(eventId, type)) {
            return Outcome.REDELIVERED;
        }
        repository.record(profileId, titleId, accountId, strength(titleId, positionMillis, durationMillis), 0, at);
        return Outcome.APPLIED;
    }

    /** The watch fraction an event shows, at least {@link #START_STRENGTH}. */
    float strength(UUID titleId, long positionMillis, long durationMillis) {
        long duration = durationMillis > 0
                ? durationMillis
                : catalog.runtimeMillis(titleId).orElse(0L);
        if (duration <= 0 || positionMillis <= 0) {
            return START_STRENGTH;
        }
        return Math.clamp((float) positionMillis / duration, START_STRENGTH, 1f);
    }

    @Override
    public List<Interaction> history(UUID profileId, int limit) {
        return repository.history(profileId, limit);
    }

    @Override
    public Trending trending() {
        return trending;
    }

    @Override
    public void forEachInteraction(Consumer<Interaction> sink) {
        repository.forEach(sink);
    }

    @Override
    public @Nullable Instant lastChange() {
        return repository.lastChange();
    }

    /** Reloads trending, decayed to now. */
    @Scheduled(initialDelayString = "0", fixedDelayString = "${reel.personalization.refresh.catalog:2s}")
    void refresh() {
        try {
            Instant now = clock.instant();
            Map<UUID, Double> scores = new HashMap<>();
            for (ActivityRepository.TrendingRow row : repository.trending()) {
                scores.put(row.titleId(), decay.at(row.score(), row.asOf(), now));
            }
            trending = new Trending(trending.version() + 1, now, scores);
        } catch (RuntimeException e) {
            log.warn("trending refresh failed; serving the previous one: {}", e.toString());
        }
    }
}
