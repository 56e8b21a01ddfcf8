package dev.reel.events.playback;

import dev.reel.events.ReelEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A session ended and freed its stream slot. Published on {@link dev.reel.events.Topics#PLAYBACK_SESSIONS}, keyed by
 * profile.
 *
 * @param positionMillis the last known playhead
 * @param reason {@code STOPPED} when the client said so, {@code EXPIRED} when its heartbeats stopped
 */
public record PlaybackStopped(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID sessionId,
        UUID accountId,
        UUID profileId,
        UUID titleId,
        long positionMillis,
        String reason)
        implements ReelEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return profileId.toString();
    }
}
