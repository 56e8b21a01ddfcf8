package dev.reel.viewing.history.internal;

import dev.reel.events.Topics;
import dev.reel.events.playback.PlaybackHeartbeat;
import dev.reel.events.playback.PlaybackStarted;
import dev.reel.events.playback.PlaybackStopped;
import dev.reel.kit.events.EventReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes playback's session facts ({@link Topics#PLAYBACK_SESSIONS}, keyed by profile, so one profile's facts
 * arrive in order): {@link PlaybackStarted}, {@link PlaybackHeartbeat} and {@link PlaybackStopped} move bookmarks,
 * history and Continue Watching. The record's {@code reel-event-type} header picks the type; other types are ignored.
 *
 * <p>Each record is applied in its own database transaction, and the container commits the record's offset only after
 * that transaction committed (ack mode {@code record}), so a crash redelivers and the event-id ledger makes the
 * redelivery a no-op. A record that can never be applied is logged and skipped by the {@link EventReader}; database
 * outages are retried by the container's error handler.
 */
@Component
class PlaybackEvents {

    private static final Logger log = LoggerFactory.getLogger(PlaybackEvents.class);
    private static final String STARTED = PlaybackStarted.class.getSimpleName();
    private static final String HEARTBEAT = PlaybackHeartbeat.class.getSimpleName();
    private static final String STOPPED = PlaybackStopped.class.getSimpleName();

    private final ViewingService viewing;
    private final EventReader reader;

    PlaybackEvents(ViewingService viewing, EventReader reader) {
        this.viewing = viewing;
        this.reader = reader;
    }

    @KafkaListener(id = "viewing-playback-sessions", idIsGroup = false, topics = Topics.PLAYBACK_SESSIONS)
    void on(ConsumerRecord<String, String> record) {
        String type = reader.type(record);
        Play play;
        if (STARTED.equals(type)) {
            PlaybackStarted e = reader.read(record, PlaybackStarted.class, PlaybackStarted.SCHEMA_VERSION);
            if (e == null || e.sessionId() == null || e.profileId() == null || e.titleId() == null) {
                return;
            }
            play = new Play(
                    e.eventId(),
                    Play.Kind.STARTED,
                    e.sessionId(),
                    e.profileId(),
                    e.titleId(),
                    e.episodeId(),
                    null,
                    e.durationMillis(),
                    micros(e.occurredAt()));
        } else if (HEARTBEAT.equals(type)) {
            PlaybackHeartbeat e = reader.read(record, PlaybackHeartbeat.class, PlaybackHeartbeat.SCHEMA_VERSION);
            if (e == null || e.sessionId() == null || e.profileId() == null || e.titleId() == null) {
                return;
            }
            play = new Play(
                    e.eventId(),
                    Play.Kind.HEARTBEAT,
                    e.sessionId(),
                    e.profileId(),
                    e.titleId(),
                    e.episodeId(),
                    e.positionMillis(),
                    e.durationMillis(),
                    micros(e.occurredAt()));
        } else if (STOPPED.equals(type)) {
            PlaybackStopped e = reader.read(record, PlaybackStopped.class, PlaybackStopped.SCHEMA_VERSION);
            if (e == null || e.sessionId() == null || e.profileId() == null || e.titleId() == null) {
                return;
            }
            play = new Play(
                    e.eventId(),
                    Play.Kind.STOPPED,
                    e.sessionId(),
                    e.profileId(),
                    e.titleId(),
                    e.episodeId(),
                    e.positionMillis(),
                    e.durationMillis(),
                    micros(e.occurredAt()));
        } else {
            return;
        }
        ViewingService.Outcome outcome = viewing.apply(play);
        if (outcome != ViewingService.Outcome.APPLIED) {
            log.debug("{} {} changed nothing: {}", type, play.eventId(), outcome);
        }
    }

    /** The database keeps microseconds; comparing event times at that precision keeps replays equal. */
    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
