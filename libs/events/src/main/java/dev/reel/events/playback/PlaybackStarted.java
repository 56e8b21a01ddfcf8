package dev.reel.events.playback;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.reel.events.ReelEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member pressed Play and got a session. Published on {@link dev.reel.events.Topics#PLAYBACK_SESSIONS}, keyed by
 * profile so one profile's facts stay in order.
 *
 * @param originVersion the origin version the session streams
 * @param deviceClass {@code tv}, {@code phone}, {@code tablet} or {@code desktop}
 * @param maxHeight the tallest rendition the session may use, in pixels
 * @param applianceId the edge appliance listed first for the session, or {@code origin}
 * @param episodeId the episode playing when the title is a series and the member picked one, else {@code null}
 * @param durationMillis the media's duration, {@code 0} when unknown (and in records written before it existed)
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
        String applianceId,
        @Nullable UUID episodeId,
        @JsonSetter(nulls = Nulls.AS_EMPTY) long durationMillis)
        implements ReelEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return profileId.toString();
    }
}
