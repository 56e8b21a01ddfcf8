package dev.reel.viewing.history.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One playback fact as the watch rules see it, whichever event carried it.
 *
 * @param positionMillis the playhead, null for a start (which carries none)
 * @param durationMillis the media's duration as playback reported it, 0 when unknown
 * @param at when it happened, truncated to microseconds (what the database keeps)
 */
record Play(
        UUID eventId,
        Kind kind,
        UUID sessionId,
        UUID profileId,
        UUID titleId,
        @Nullable UUID episodeId,
        @Nullable Long positionMillis,
        long durationMillis,
        Instant at) {

    enum Kind {
        STARTED,
        HEARTBEAT,
        STOPPED
    }

    Play {
        if (positionMillis != null && positionMillis < 0) {
            positionMillis = 0L;
        }
        durationMillis = Math.max(0, durationMillis);
    }
}
