package dev.reel.events.playback;

import dev.reel.events.ReelEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A member pressed Play and got a session. Published on {@link dev.reel.events.Topics#PLAYBACK_SESSIONS}, keyed by
 * profile so one profile's facts stay in order.
 *
 * @param originVersion the origin version the session streams
 * @param deviceClass {@code tv}, {@code phone}, {@code tablet} or {@code desktop}
 * @param maxHeight the tallest rendition the session may use, in pixels
 * @param applianceId the edge appliance listed first for the session, or {@code origin}
 */
public record PlaybackStarted(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID sessionId,
        UUID accountId,
        UUID profileId,
        UUID titleId,
        String originVersion,
        String deviceClass,
        int maxHeight,
        String applianceId)
        implements ReelEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return profileId.toString();
    }
}
