package dev.reel.steering.popularity.internal;

import dev.reel.events.ReelEvent;
import dev.reel.events.Topics;
import dev.reel.events.playback.PlaybackHeartbeat;
import dev.reel.events.playback.PlaybackStarted;
import dev.reel.events.playback.PlaybackStopped;
import dev.reel.kit.events.EventReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes playback's session facts ({@link Topics#PLAYBACK_SESSIONS}): every {@link PlaybackStarted} is a view of
 * its title, and {@link PlaybackHeartbeat} and {@link PlaybackStopped} turn the session's progress into bytes watched.
 * The record's {@code reel-event-type} header picks the type; other types are ignored.
 *
 * <p>Each record is applied in its own database transaction, and the container commits the record's offset only after
 * that transaction committed (ack mode {@code record}), so a crash redelivers and the event-id ledger makes the
 * redelivery a no-op. A record that can never be applied (no payload, unreadable JSON, an unsupported schema version,
 * a missing id; see {@link EventReader}) is logged and skipped; database outages are retried by the container's error
 * handler.
 */
@Component
class PlaybackEvents {

    private static final Logger log = LoggerFactory.getLogger(PlaybackEvents.class);
    private static final String STARTED = PlaybackStarted.class.getSimpleName();
    private static final String HEARTBEAT = PlaybackHeartbeat.class.getSimpleName();
    private static final String STOPPED = PlaybackStopped.class.getSimpleName();

    private final PopularityService popularity;
    private final EventReader events;

    PlaybackEvents(PopularityService popularity, EventReader events) {
        this.popularity = popularity;
        this.events = events;
    }

    @KafkaListener(id = "steering-playback-sessions", idIsGroup = false, topics = Topics.PLAYBACK_SESSIONS)
    void on(ConsumerRecord<String, String> record) {
        String type = events.type(record);
        PopularityService.Outcome outcome;
        ReelEvent applied;
        if (STARTED.equals(type)) {
            PlaybackStarted e = events.read(record, PlaybackStarted.class, PlaybackStarted.SCHEMA_VERSION);
            if (e == null || e.sessionId() == null || e.titleId() == null) {
                return;
            }
            applied = e;
            outcome = popularity.started(e.eventId(), STARTED, e.sessionId(), e.titleId(), e.occurredAt());
        } else if (HEARTBEAT.equals(type)) {
            PlaybackHeartbeat e = events.read(record, PlaybackHeartbeat.class, PlaybackHeartbeat.SCHEMA_VERSION);
            if (e == null || e.sessionId() == null || e.titleId() == null) {
                return;
            }
            applied = e;
            outcome = popularity.progressed(
                    e.eventId(),
                    HEARTBEAT,
                    e.sessionId(),
                    e.titleId(),
                    e.positionMillis(),
                    e.bitrateBps(),
                    e.occurredAt(),
                    false);
        } else if (STOPPED.equals(type)) {
            PlaybackStopped e = events.read(record, PlaybackStopped.class, PlaybackStopped.SCHEMA_VERSION);
            if (e == null || e.sessionId() == null || e.titleId() == null) {
                return;
            }
            applied = e;
            outcome = popularity.progressed(
                    e.eventId(), STOPPED, e.sessionId(), e.titleId(), e.positionMillis(), null, e.occurredAt(), true);
        } else {
            return;
        }
        if (outcome == PopularityService.Outcome.REDELIVERED) {
            log.debug("skipped redelivered {} {}", type, applied.eventId());
        }
    }
}
