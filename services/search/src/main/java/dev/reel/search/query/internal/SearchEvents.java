package dev.reel.search.query.internal;

import dev.reel.events.Topics;
import dev.reel.events.search.SearchPerformed;
import dev.reel.kit.events.EventHeaders;
import dev.reel.kit.observability.CorrelationIdFilter;
import dev.reel.search.SearchProperties;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes {@link SearchPerformed} straight to {@link Topics#SEARCH_QUERIES} (search has no database, so no outbox),
 * with the kit's event headers. Best effort: the send happens on a virtual thread, so a search never waits for Kafka
 * and a broker outage never fails one; while more than {@code maxPending} sends are unfinished, new events are dropped
 * and counted.
 */
@Component
public class SearchEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchEvents.class);

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final boolean enabled;
    private final Semaphore pending;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong dropped = new AtomicLong();

    SearchEvents(KafkaTemplate<String, String> kafka, JsonMapper json, SearchProperties settings) {
        this.kafka = kafka;
        this.json = json;
        this.enabled = settings.events().enabled();
        this.pending = new Semaphore(Math.max(1, settings.events().maxPending()));
    }

    /** Sends the event in the background; returns at once. */
    public void publish(SearchPerformed event) {
        if (!enabled) {
            return;
        }
        if (!pending.tryAcquire()) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 1000 == 0) {
                log.warn("dropped {} SearchPerformed event(s): too many sends pending", count);
            }
            return;
        }
        var record =
                new ProducerRecord<String, String>(Topics.SEARCH_QUERIES, event.key(), json.writeValueAsString(event));
        record.headers().add(EventHeaders.TYPE, bytes(SearchPerformed.class.getSimpleName()));
        record.headers().add(EventHeaders.SCHEMA_VERSION, bytes(Integer.toString(event.schemaVersion())));
        record.headers().add(EventHeaders.EVENT_ID, bytes(event.eventId().toString()));
        String correlationId = CorrelationIdFilter.current();
        if (correlationId != null) {
            record.headers().add(EventHeaders.CORRELATION_ID, bytes(correlationId));
        }
        senders.execute(() -> send(record));
    }

    /** Events dropped since start because too many sends were pending. */
    public long dropped() {
        return dropped.get();
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            kafka.send(record).whenComplete((result, failure) -> {
                pending.release();
                if (failure != null) {
                    log.warn("SearchPerformed not published: {}", failure.toString());
                }
            });
        } catch (RuntimeException e) {
            pending.release();
            log.warn("SearchPerformed not published: {}", e.toString());
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        senders.shutdown();
    }
}
