package dev.reel.personalization.catalog.internal;

import dev.reel.events.Topics;
import dev.reel.events.catalog.TitlePublished;
import dev.reel.events.catalog.TitleUpdated;
import dev.reel.kit.events.EventReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the catalog's title snapshots ({@link Topics#CATALOG_TITLES}, group {@code personalization}). Each record is
 * applied in its own transaction and its offset committed after it (ack mode {@code record}); the event-id ledger
 * makes a redelivery a no-op, and an older snapshot never overwrites a newer one.
 */
@Component
class CatalogEvents {

    private static final String PUBLISHED = TitlePublished.class.getSimpleName();
    private static final String UPDATED = TitleUpdated.class.getSimpleName();

    private final CatalogService catalog;
    private final EventReader reader;

    CatalogEvents(CatalogService catalog, EventReader reader) {
        this.catalog = catalog;
        this.reader = reader;
    }

    @KafkaListener(id = "personalization-catalog-titles", idIsGroup = false, topics = Topics.CATALOG_TITLES)
    void on(ConsumerRecord<String, String> record) {
        String type = reader.type(record);
        if (PUBLISHED.equals(type)) {
            TitlePublished e = reader.read(record, TitlePublished.class, TitlePublished.SCHEMA_VERSION);
            if (e != null) {
                catalog.apply(e.eventId(), PUBLISHED, e.occurredAt(), e.title());
            }
        } else if (UPDATED.equals(type)) {
            TitleUpdated e = reader.read(record, TitleUpdated.class, TitleUpdated.SCHEMA_VERSION);
            if (e != null) {
                catalog.apply(e.eventId(), UPDATED, e.occurredAt(), e.title());
            }
        }
    }
}
