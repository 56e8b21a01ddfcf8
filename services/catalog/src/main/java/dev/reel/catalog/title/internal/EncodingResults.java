package dev.reel.catalog.title.internal;

import dev.reel.events.Topics;
import dev.reel.events.encoding.EncodingCompleted;
import dev.reel.kit.events.EventReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the encoder's job facts ({@link Topics#ENCODING_JOBS}) and makes titles playable when their media is
 * published ({@link EncodingCompleted}); every other event type is ignored.
 *
 * <p>Each record is applied in its own database transaction, and the container commits the record's offset only
 * after that transaction committed (ack mode {@code record}), so a crash redelivers and the event-id ledger makes the
 * redelivery a no-op. A record that can never be applied (unreadable JSON, an unsupported schema version, media that
 * cannot be played, a title that does not exist) is logged and skipped so it never blocks the records behind it;
 * database outages are retried by the container's error handler.
 */
@Component
class EncodingResults {

    private static final Logger log = LoggerFactory.getLogger(EncodingResults.class);
    private static final String COMPLETED = EncodingCompleted.class.getSimpleName();

    private final TitleService titles;
    private final EventReader events;

    EncodingResults(TitleService titles, EventReader events) {
        this.titles = titles;
        this.events = events;
    }

    @KafkaListener(id = "catalog-encoding-results", idIsGroup = false, topics = Topics.ENCODING_JOBS)
    void on(ConsumerRecord<String, String> record) {
        if (!COMPLETED.equals(events.type(record))) {
            return;
        }
        EncodedMedia media = read(record);
        if (media == null) {
            return;
        }
        var outcome = titles.mediaCompleted(media);
        switch (outcome) {
            case APPLIED ->
                log.info(
                        "title {} is playable: origin version {}, job {}",
                        media.titleId(),
                        media.originVersion(),
                        media.jobId());
            case UNKNOWN_TITLE ->
                log.warn(
                        "skipped EncodingCompleted {} for unknown title {} (job {})",
                        media.eventId(),
                        media.titleId(),
                        media.jobId());
            case SUPERSEDED ->
                log.info(
                        "skipped EncodingCompleted {} for title {}: a later completion is already applied",
                        media.eventId(),
                        media.titleId());
            case REDELIVERED -> log.debug("skipped redelivered EncodingCompleted {}", media.eventId());
        }
    }

    /** The event's media summary, or null (logged) when the record can never be applied. */
    private @Nullable EncodedMedia read(ConsumerRecord<String, String> record) {
        EncodingCompleted event = events.read(record, EncodingCompleted.class, EncodingCompleted.SCHEMA_VERSION);
        if (event == null) {
            return null;
        }
        try {
            return EncodedMedia.of(event);
        } catch (IllegalArgumentException | NullPointerException e) {
            log.warn(
                    "skipped EncodingCompleted {} at {}-{}@{} for title {}: {}",
                    event.eventId(),
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    event.titleId(),
                    e.getMessage());
            return null;
        }
    }
}
