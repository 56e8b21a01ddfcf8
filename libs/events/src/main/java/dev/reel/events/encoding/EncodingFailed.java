package dev.reel.events.encoding;

import dev.reel.events.ReelEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An encoding job gave up; it can be retried. Published on {@link dev.reel.events.Topics#ENCODING_JOBS}, keyed by
 * title.
 *
 * @param stage the stage that failed
 * @param reason what went wrong, in words an operator can act on
 */
public record EncodingFailed(
        UUID eventId, Instant occurredAt, int schemaVersion, UUID jobId, UUID titleId, String stage, String reason)
        implements ReelEvent {

    public static final int SCHEMA_VERSION = 1;

    public static EncodingFailed of(UUID jobId, UUID titleId, String stage, String reason) {
        return new EncodingFailed(UUID.randomUUID(), Instant.now(), SCHEMA_VERSION, jobId, titleId, stage, reason);
    }

    @Override
    public String key() {
        return titleId.toString();
    }
}
