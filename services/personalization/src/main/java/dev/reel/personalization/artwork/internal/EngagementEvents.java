package dev.reel.personalization.artwork.internal;

import dev.reel.events.Topics;
import dev.reel.events.engagement.RowImpression;
import dev.reel.events.engagement.TitleClicked;
import dev.reel.kit.events.EventReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes client engagement ({@link Topics#CLIENT_ENGAGEMENT}, group {@code personalization}) for the artwork
 * bandit. Each record is applied in its own transaction, offsets committed after it (ack mode {@code record}); the
 * event-id ledger makes a redelivery, or a client's retried batch, a no-op.
 */
@Component
class EngagementEvents {

    private static final String IMPRESSION = RowImpression.class.getSimpleName();
    private static final String CLICK = TitleClicked.class.getSimpleName();

    private final ArtworkService artwork;
    private final EventReader reader;

    EngagementEvents(ArtworkService artwork, EventReader reader) {
        this.artwork = artwork;
        this.reader = reader;
    }

    @KafkaListener(id = "personalization-client-engagement", idIsGroup = false, topics = Topics.CLIENT_ENGAGEMENT)
    void on(ConsumerRecord<String, String> record) {
        String type = reader.type(record);
        if (IMPRESSION.equals(type)) {
            RowImpression e = reader.read(record, RowImpression.class, RowImpression.SCHEMA_VERSION);
            if (e != null) {
                artwork.impressed(e.eventId(), IMPRESSION, e.items());
            }
        } else if (CLICK.equals(type)) {
            TitleClicked e = reader.read(record, TitleClicked.class, TitleClicked.SCHEMA_VERSION);
            if (e != null && e.titleId() != null) {
                artwork.clicked(e.eventId(), CLICK, e.titleId(), e.artworkUrl());
            }
        }
    }
}
