package dev.reel.kit.events;

/** The Kafka record headers every Reel event carries. */
public final class EventHeaders {

    /** The event record's simple class name, such as {@code TitlePublished}. */
    public static final String TYPE = "reel-event-type";

    /** The record's schema version. */
    public static final String SCHEMA_VERSION = "reel-schema-version";

    /** The event id, so consumers can dedupe without parsing the payload. */
    public static final String EVENT_ID = "reel-event-id";

    /** The correlation id of the request that caused the event, when there was one. */
    public static final String CORRELATION_ID = "reel-correlation-id";

    private EventHeaders() {}
}
