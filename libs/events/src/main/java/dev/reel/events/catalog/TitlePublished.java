package dev.reel.events.catalog;

import dev.reel.events.ReelEvent;
import java.time.Instant;
import java.util.UUID;

/** A title became visible to members. Published on {@link dev.reel.events.Topics#CATALOG_TITLES}. */
public record TitlePublished(UUID eventId, Instant occurredAt, int schemaVersion, TitleSnapshot title)
        implements ReelEvent {

    public static final int SCHEMA_VERSION = 1;

    public static TitlePublished of(TitleSnapshot title) {
        return new TitlePublished(UUID.randomUUID(), Instant.now(), SCHEMA_VERSION, title);
    }

    @Override
    public String key() {
        return title.titleId().toString();
    }
}
