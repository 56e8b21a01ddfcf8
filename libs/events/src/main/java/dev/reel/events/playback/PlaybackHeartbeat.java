package dev.reel.events.playback;

import dev.reel.events.ReelEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A live session reported where it is. Published on {@link dev.reel.events.Topics#PLAYBACK_SESSIONS}, keyed by
 * profile.
 *
 * @param positionMillis the playhead
 * @param bitrateBps the bitrate of the rendition playing
 * @param bufferMillis media buffered ahead of the playhead
 * @param rebufferCount stalls since the previous heartbeat
 * @param rebufferMillis time stalled since the previous heartbeat
 */
public record PlaybackHeartbeat(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID sessionId,
        UUID accountId,
        UUID profileId,
        UUID titleId,
        long positionMillis,
        long bitrateBps,
        long bufferMillis,
        int rebufferCount,
        long rebufferMillis)
        implements ReelEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return profileId.toString();
    }
}
