package dev.reel.events.playback;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.reel.events.ReelEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A session ended and freed its stream slot. Published on {@link dev.reel.events.Topics#PLAYBACK_SESSIONS}, keyed by
 * profile.
 *
 * @param positionMillis the last known playhead
 * @param reason {@code STOPPED} when the client said so, {@code EXPIRED} when its heartbeats stopped
 * @param episodeId the episode playing when the title is a series and the member picked one, else {@code null}
 * @param durationMillis the media's duration, {@code 0} when unknown (and in records written before it existed)
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
        String reason,
        @Nullable UUID episodeId,
        @JsonSetter(nulls = Nulls.AS_EMPTY) long durationMillis)
        implements ReelEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return profileId.toString();
    }
}
