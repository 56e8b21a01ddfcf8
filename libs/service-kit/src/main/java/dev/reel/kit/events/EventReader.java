package dev.reel.kit.events;

import dev.reel.events.ReelEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Reel events from Kafka records written by the kit's {@link OutboxRelay} (or straight through a {@code
 * KafkaTemplate} with the same {@link EventHeaders}).
 *
 * <p>A listener dispatches on {@link #type} ({@code PlaybackStarted.class.getSimpleName()} ...), ignores types it
 * does not handle, and calls {@link #read} for the ones it does. {@code read} never throws for a bad record: a record
 * that can never be applied is logged and {@code null} is returned, so the listener returns and the record is
 * skipped instead of blocking its partition. Thread-safe.
 */
public class EventReader {

    private static final Logger log = LoggerFactory.getLogger(EventReader.class);

    private final JsonMapper json;

    public EventReader(JsonMapper json) {
        this.json = json;
    }

    /** The record's {@value EventHeaders#TYPE} header (the event's simple class name), or null when it has none. */
    public @Nullable String type(ConsumerRecord<String, String> record) {
        return header(record, EventHeaders.TYPE);
    }

    /**
     * The record's payload as {@code type}.
     *
     * @param schemaVersion the only schema version the caller can apply, usually {@code E.SCHEMA_VERSION}
     * @return the event, or null (logged with the record's topic, partition and offset) when the record can never be
     *     applied: no payload, JSON that does not read as {@code type}, another schema version, or no {@code eventId}
     *     or {@code occurredAt}
     */
    public <E extends ReelEvent> @Nullable E read(
            ConsumerRecord<String, String> record, Class<E> type, int schemaVersion) {
        String name = type.getSimpleName();
        String value = record.value();
        if (value == null) {
            log.warn("skipped {} at {}: no payload", name, where(record));
            return null;
        }
        E event;
        try {
            event = json.readValue(value, type);
        } catch (JacksonException e) {
            log.warn("skipped {} at {}: unreadable payload: {}", name, where(record), e.getOriginalMessage());
            return null;
        }
        if (event == null) {
            log.warn("skipped {} at {}: payload is null", name, where(record));
            return null;
        }
        if (event.schemaVersion() != schemaVersion) {
            log.error(
                    "skipped {} {} at {}: schema version {} is not supported (expected {})",
                    name,
                    event.eventId(),
                    where(record),
                    event.schemaVersion(),
                    schemaVersion);
            return null;
        }
        if (event.eventId() == null || event.occurredAt() == null) {
            log.warn("skipped {} at {}: event id or time missing", name, where(record));
            return null;
        }
        return event;
    }

    private static String where(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static @Nullable String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
