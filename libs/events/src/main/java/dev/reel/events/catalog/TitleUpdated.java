package dev.reel.events.catalog;

import dev.reel.events.ReelEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A published title changed, or was unpublished ({@code title.published()} is then false). Carries the
 * full snapshot, so the latest event per key is the title's current state. Published on {@link
 * dev.reel.events.Topics#CATALOG_TITLES}.
 */
public record TitleUpdated(UUID eventId, Instant occurredAt, int schemaVersion, TitleSnapshot title)
        implements ReelEvent {

    public static final int SCHEMA_VERSION = 1;

    public static TitleUpdated of(TitleSnapshot title) {
        return new TitleUpdated(UUID.randomUUID(), Instant.now(), SCHEMA_VERSION, title);
    }

    @Override
    public String key() {
        return title.titleId().toString();
    }
}
