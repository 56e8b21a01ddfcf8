package dev.reel.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact one service publishes for others to build their own views from.
 *
 * <p>Delivery is at least once, so consumers must be idempotent: {@link #eventId()} is unique per
 * fact and is what a consumer remembers to ignore a redelivery.
 */
public interface ReelEvent {

    /** Unique per fact; the same fact delivered twice carries the same id. */
    UUID eventId();

    /** When the fact happened, as recorded by the publishing service. */
    Instant occurredAt();

    /** The version of this record's shape; bumped on incompatible changes. */
    int schemaVersion();

    /** The Kafka record key: events with the same key keep their order. */
    String key();
}
