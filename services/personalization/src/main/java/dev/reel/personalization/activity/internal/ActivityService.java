package dev.reel.personalization.activity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.reel.personalization.PersonalizationProperties;
import dev.reel.personalization.activity.Activity;
import dev.reel.personalization.activity.Interaction;
import dev.reel.personalization.activity.Trending;
import dev.reel.personalization.catalog.CatalogView;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link Activity} over PostgreSQL, and the application of playback events to it.
 *
 * <p>Watch strength of a (profile, title) is the largest {@code position / duration} any event of it showed, capped at
 * 1; a start alone counts {@link Activity#START_STRENGTH}. The duration is the event's {@code durationMillis}, or the
 * title's runtime from the catalog when the event says 0; without either only the start counts. Trending adds 1 per
 * start with the configured half-life.
 *
 * <p>Histories read for home pages are kept in memory per profile, so a page does not read the database. An entry is
 * dropped when this instance applies an event of the profile (after the commit), and when the profile appears in the
 * periodic scan of interactions changed since the last scan (other instances' writes), so a page sees any change
 * within one {@code refresh.catalog} interval. The scan looks back {@link #SCAN_OVERLAP} further than the last one, so
 * a transaction that committed late is not missed.
 */
@Service
class ActivityService implements Activity {

    private static final Logger log = LoggerFactory.getLogger(ActivityService.class);

    /** What applying an event did. */
    enum Outcome {
        APPLIED,
        REDELIVERED
    }

    /** How far each scan for changed interactions looks back before the previous scan. */
    static final Duration SCAN_OVERLAP = Duration.ofSeconds(30);

    /** A history entry lives at most this long, whatever the scans say. */
    static final Duration HISTORY_TTL = Duration.ofMinutes(10);

    private final ActivityRepository repository;
    private final CatalogView catalog;
    private final Decay decay;
    private final Clock clock;
    private final Cache<UUID, History> histories;
    private volatile Trending trending = Trending.EMPTY;
    private List<ActivityRepository.TrendingRow> trendingRows = List.of();
    private @Nullable Instant scannedUpTo;

    ActivityService(
            ActivityRepository repository, CatalogView catalog, PersonalizationProperties properties, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.decay = new Decay(properties.trending().halfLife());
        this.clock = clock;
        this.histories = Caffeine.newBuilder()
                .maximumSize(properties.home().maxProfiles())
                .expireAfterWrite(HISTORY_TTL)
                .build();
    }

    /** A profile's history as read with {@code limit}. */
    private record History(int limit, List<Interaction> interactions) {}

    @Transactional
    Outcome started(UUID eventId, String type, UUID accountId, UUID profileId, UUID titleId, Instant at) {
        if (!repository.markConsumed(eventId, type)) {
            return Outcome.REDELIVERED;
        }
        repository.record(profileId, titleId, accountId, START_STRENGTH, 1, at);
        forgetAfterCommit(profileId);
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
        forgetAfterCommit(profileId);
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

    /** Drops the profile's cached histories now and again once the transaction committed. */
    private void forgetAfterCommit(UUID profileId) {
        forget(profileId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(profileId);
                }
            });
        }
    }

    private void forget(UUID profileId) {
        histories.invalidate(profileId);
    }

    @Override
    public List<Interaction> history(UUID profileId, int limit) {
        List<Interaction> cached = cachedHistory(profileId, limit);
        if (cached != null) {
            return cached;
        }
        History read = new History(limit, List.copyOf(repository.history(profileId, limit)));
        histories.put(profileId, read);
        return read.interactions();
    }

    @Override
    public @Nullable List<Interaction> cachedHistory(UUID profileId, int limit) {
        History cached = histories.getIfPresent(profileId);
        return cached != null && cached.limit() == limit ? cached.interactions() : null;
    }

    /** Drops the cached histories of profiles whose interactions changed since the last scan (any instance's writes). */
    @Scheduled(initialDelayString = "0", fixedDelayString = "${reel.personalization.refresh.catalog:2s}")
    synchronized void scanChanges() {
        try {
            Instant now = repository.now();
            Instant since = scannedUpTo;
            if (since == null) {
                histories.invalidateAll();
            } else {
                repository.changedProfiles(since.minus(SCAN_OVERLAP)).forEach(this::forget);
            }
            scannedUpTo = now;
        } catch (RuntimeException e) {
            histories.invalidateAll();
            log.warn("interaction change scan failed; dropped every cached history: {}", e.toString());
        }
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

    /**
     * Reloads trending, decayed to now, when the stored rows changed. Every score decays by the same factor over the
     * same time, so while no start arrives the order of titles (all that pages use) stays the same, and the previous
     * {@link Trending} is kept: the shelves built from it stay valid.
     */
    @Scheduled(initialDelayString = "0", fixedDelayString = "${reel.personalization.refresh.catalog:2s}")
    synchronized void refresh() {
        try {
            Instant now = clock.instant();
            List<ActivityRepository.TrendingRow> rows = repository.trending();
            if (trending != Trending.EMPTY && rows.equals(trendingRows)) {
                return;
            }
            Map<UUID, Double> scores = new HashMap<>();
            for (ActivityRepository.TrendingRow row : rows) {
                scores.put(row.titleId(), decay.at(row.score(), row.asOf(), now));
            }
            trending = new Trending(trending.version() + 1, now, scores);
            trendingRows = rows;
        } catch (RuntimeException e) {
            log.warn("trending refresh failed; serving the previous one: {}", e.toString());
        }
    }
}
