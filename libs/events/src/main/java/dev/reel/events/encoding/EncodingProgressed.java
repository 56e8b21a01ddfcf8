package dev.reel.events.encoding;

import dev.reel.events.ReelEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An encoding job entered a new stage or moved on by a noticeable step. Published on {@link
 * dev.reel.events.Topics#ENCODING_JOBS}, keyed by title, so a title's events keep their order.
 *
 * @param stage the job's state name: {@code QUEUED}, {@code ANALYSING}, {@code ENCODING}, {@code PACKAGING} or
 *     {@code PUBLISHING}
 * @param percent overall progress, 0 to 100
 * @param etaSeconds the estimated seconds left, or {@code null} while there is nothing to estimate from
 */
public record EncodingProgressed(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID jobId,
        UUID titleId,
        String stage,
        int percent,
        @Nullable Long etaSeconds)
        implements ReelEvent {

    public static final int SCHEMA_VERSION = 1;

    public static EncodingProgressed of(UUID jobId, UUID titleId, String stage, int percent, @Nullable Long eta) {
        return new EncodingProgressed(
                UUID.randomUUID(), Instant.now(), SCHEMA_VERSION, jobId, titleId, stage, percent, eta);
    }

    @Override
    public String key() {
        return titleId.toString();
    }
}
