package dev.reel.personalization.activity.internal;

import dev.reel.events.Topics;
import dev.reel.events.playback.PlaybackHeartbeat;
import dev.reel.events.playback.PlaybackStarted;
import dev.reel.events.playback.PlaybackStopped;
import dev.reel.kit.events.EventReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes playback's session facts ({@link Topics#PLAYBACK_SESSIONS}, group {@code personalization}): a start counts a
 * play and a trending start, heartbeats and stops raise the watch strength. Each record is applied in its own
 * transaction and its offset committed after it (ack mode {@code record}); the event-id ledger makes a redelivery a
 * no-op. Records that can never be applied are skipped by {@link EventReader}.
 */
@Component
class PlaybackEvents {

    private static final String STARTED = PlaybackStarted.class.getSimpleName();
    private static final String HEARTBEAT = PlaybackHeartbeat.class.getSimpleName();
    private static final String STOPPED = PlaybackStopped.class.getSimpleName();

    private final ActivityService activity;
    private final EventReader reader;

    PlaybackEvents(ActivityService activity, EventReader reader) {
        this.activity = activity;
        this.reader = reader;
    }

    @KafkaListener(id = "personalization-playback-sessions", idIsGroup = false, topics = Topics.PLAYBACK_SESSIONS)
    void on(ConsumerRecord<String, String> record) {
        String type = reader.type(record);
        if (STARTED.equals(type)) {
            PlaybackStarted e = reader.read(record, PlaybackStarted.class, PlaybackStarted.SCHEMA_VERSION);
            if (e != null) {
                activity.started(e.eventId(), STARTED, e.accountId(), e.profileId(), e.titleId(), e.occurredAt());
            }
        } else if (HEARTBEAT.equals(type)) {
            PlaybackHeartbeat e = reader.read(record, PlaybackHeartbeat.class, PlaybackHeartbeat.SCHEMA_VERSION);
            if (e != null) {
                activity.progressed(
                        e.eventId(),
                        HEARTBEAT,
                        e.accountId(),
                        e.profileId(),
                        e.titleId(),
                        e.positionMillis(),
                        e.durationMillis(),
                        e.occurredAt());
            }
        } else if (STOPPED.equals(type)) {
            PlaybackStopped e = reader.read(record, PlaybackStopped.class, PlaybackStopped.SCHEMA_VERSION);
            if (e != null) {
                activity.progressed(
                        e.eventId(),
                        STOPPED,
                        e.accountId(),
                        e.profileId(),
                        e.titleId(),
                        e.positionMillis(),
                        e.durationMillis(),
                        e.occurredAt());
            }
        }
    }
}
