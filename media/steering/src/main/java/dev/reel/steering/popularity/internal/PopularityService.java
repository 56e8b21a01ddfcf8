package dev.reel.steering.popularity.internal;

import dev.reel.steering.SteeringProperties;
import dev.reel.steering.popularity.Decay;
import dev.reel.steering.popularity.Popularity;
import dev.reel.steering.popularity.TitleDemandForecast;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decayed views and bytes watched per title in PostgreSQL.
 *
 * <p>Bytes watched come from a session's progress: between two of its events, the playhead advanced by {@code Δ}
 * milliseconds at {@code bitrateBps}, so {@code Δ · bitrateBps / 8000} bytes were streamed. A backwards seek counts
 * nothing, and the advance is capped at the wall time between the events plus {@link #BUFFER_SLACK}, so a forward
 * seek does not count the skipped part. The bitrate is the one the heartbeat reports; a stop, which carries none, uses
 * the previous heartbeat's.
 */
@Service
class PopularityService implements Popularity {

    /** How far the playhead may run ahead of wall time between two events (a player catching up on its buffer). */
    static final Duration BUFFER_SLACK = Duration.ofSeconds(15);

    /** What applying an event did. */
    enum Outcome {
        APPLIED,
        REDELIVERED
    }

    private final PopularityRepository repository;
    private final Decay decay;

    PopularityService(PopularityRepository repository, SteeringProperties properties) {
        this.repository = repository;
        this.decay = Decay.withHalfLife(properties.popularity().halfLife());
    }

    /** Counts one view of {@code titleId} at {@code at}, once per event id, and starts tracking the session. */
    @Transactional
    Outcome started(UUID eventId, String eventType, UUID sessionId, UUID titleId, Instant at) {
        if (!repository.markConsumed(eventId, eventType)) {
            return Outcome.REDELIVERED;
        }
        var row = repository.lock(titleId, at);
        repository.saveViews(titleId, decay.add(row.score(), at, 1), at);
        if (repository.lockProgress(sessionId).isEmpty()) {
            repository.saveProgress(sessionId, titleId, 0, 0, at);
        }
        return Outcome.APPLIED;
    }

    /**
     * Adds the bytes a session streamed since its previous event, once per event id.
     *
     * @param bitrateBps the bitrate streamed since the previous event, or null to use the previous event's (a stop)
     * @param ended whether the session ended with this event (its progress is forgotten)
     */
    @Transactional
    Outcome progressed(
            UUID eventId,
            String eventType,
            UUID sessionId,
            UUID titleId,
            long positionMillis,
            @Nullable Long bitrateBps,
            Instant at,
            boolean ended) {
        if (!repository.markConsumed(eventId, eventType)) {
            return Outcome.REDELIVERED;
        }
        var previous = repository.lockProgress(sessionId);
        if (previous.isPresent() && previous.get().at().isBefore(at)) {
            var last = previous.get();
            long advance = positionMillis - last.positionMillis();
            long cap = Duration.between(last.at(), at).plus(BUFFER_SLACK).toMillis();
            long watchedMillis = Math.max(0, Math.min(advance, cap));
            long bitrate = bitrateBps != null ? bitrateBps : last.bitrateBps();
            long bytes = (long) (watchedMillis * (double) Math.max(0, bitrate) / 8000);
            if (bytes > 0) {
                var row = repository.lock(titleId, at);
                repository.saveWatched(titleId, decay.add(row.watched(), at, bytes), bytes);
            }
        }
        if (ended) {
            repository.deleteProgress(sessionId);
        } else {
            long bitrate = bitrateBps != null
                    ? bitrateBps
                    : previous.map(PopularityRepository.Progress::bitrateBps).orElse(0L);
            repository.saveProgress(sessionId, titleId, positionMillis, bitrate, at);
        }
        return Outcome.APPLIED;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TitleDemandForecast> forecast(Instant now, Duration horizon) {
        return repository.findAll().stream()
                .map(row -> new TitleDemandForecast(
                        row.titleId().toString(),
                        decay.predicted(row.score(), now, horizon),
                        decay.scoreAt(row.score(), now),
                        row.views(),
                        row.watched() == null ? 0 : decay.predicted(row.watched(), now, horizon),
                        row.watchedBytes()))
                .sorted(Comparator.comparingDouble(TitleDemandForecast::predictedViews)
                        .reversed()
                        .thenComparing(TitleDemandForecast::titleId))
                .toList();
    }
}
