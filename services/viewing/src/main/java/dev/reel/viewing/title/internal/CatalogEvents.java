package dev.reel.viewing.title.internal;

import dev.reel.events.Topics;
import dev.reel.events.catalog.EpisodeRef;
import dev.reel.events.catalog.TitlePublished;
import dev.reel.events.catalog.TitleSnapshot;
import dev.reel.events.catalog.TitleUpdated;
import dev.reel.kit.events.EventReader;
import dev.reel.viewing.title.Episode;
import dev.reel.viewing.title.TitleInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the catalog's title snapshots ({@link Topics#CATALOG_TITLES}, compacted, keyed by title): {@link
 * TitlePublished} and {@link TitleUpdated} replace the stored title when they are newer (by {@code occurredAt});
 * {@code published = false} keeps the title but marks it hidden. Idempotent by event id and by snapshot time. A record
 * that can never be applied is logged and skipped; database outages are retried by the container's error handler.
 */
@Component
class CatalogEvents {

    private static final Logger log = LoggerFactory.getLogger(CatalogEvents.class);
    private static final String PUBLISHED = TitlePublished.class.getSimpleName();
    private static final String UPDATED = TitleUpdated.class.getSimpleName();

    private final TitleRepository titles;
    private final EventReader reader;

    CatalogEvents(TitleRepository titles, EventReader reader) {
        this.titles = titles;
        this.reader = reader;
    }

    @KafkaListener(id = "viewing-catalog-titles", idIsGroup = false, topics = Topics.CATALOG_TITLES)
    void on(ConsumerRecord<String, String> record) {
        String type = reader.type(record);
        UUID eventId;
        Instant at;
        TitleSnapshot snapshot;
        if (PUBLISHED.equals(type)) {
            TitlePublished e = reader.read(record, TitlePublished.class, TitlePublished.SCHEMA_VERSION);
            if (e == null) {
                return;
            }
            eventId = e.eventId();
            at = e.occurredAt();
            snapshot = e.title();
        } else if (UPDATED.equals(type)) {
            TitleUpdated e = reader.read(record, TitleUpdated.class, TitleUpdated.SCHEMA_VERSION);
            if (e == null) {
                return;
            }
            eventId = e.eventId();
            at = e.occurredAt();
            snapshot = e.title();
        } else {
            return;
        }
        if (snapshot == null || snapshot.titleId() == null || snapshot.name() == null || snapshot.type() == null) {
            log.warn("skipped {} {}: no title in the snapshot", type, eventId);
            return;
        }
        if (!titles.apply(eventId, type, titleOf(snapshot, at.truncatedTo(ChronoUnit.MICROS)))) {
            log.debug("{} {} changed nothing (redelivered or older than the stored snapshot)", type, eventId);
        }
    }

    static TitleInfo titleOf(TitleSnapshot snapshot, Instant at) {
        return new TitleInfo(
                snapshot.titleId(),
                snapshot.type(),
                snapshot.name(),
                snapshot.maturity() == null ? "18+" : snapshot.maturity(),
                snapshot.runtimeMinutes(),
                snapshot.published(),
                snapshot.episodes().stream().map(CatalogEvents::episodeOf).toList(),
                at);
    }

    private static Episode episodeOf(EpisodeRef ref) {
        return new Episode(ref.episodeId(), ref.seasonNumber(), ref.number(), ref.name(), ref.runtimeMinutes());
    }
}
