package dev.reel.personalization.engagement.internal;

import dev.reel.events.ReelEvent;
import dev.reel.events.Topics;
import dev.reel.kit.events.EventHeaders;
import dev.reel.kit.observability.CorrelationIdFilter;
import dev.reel.personalization.engagement.EngagementEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link EngagementEvents} straight through the kit's {@link KafkaTemplate}, with the headers the outbox relay sets
 * ({@link EventHeaders}). Sends run on a virtual thread so a broker outage (the producer blocks up to {@code
 * max.block.ms}) never holds the request; failures are logged and the events dropped.
 */
@Service
class KafkaEngagementEvents implements EngagementEvents, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaEngagementEvents.class);

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    KafkaEngagementEvents(KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    @Override
    public void publish(List<ReelEvent> events) {
        String correlationId = CorrelationIdFilter.current();
        List<ProducerRecord<String, String>> records =
                events.stream().map(e -> record(e, correlationId)).toList();
        senders.execute(() -> {
            for (ProducerRecord<String, String> record : records) {
                try {
                    kafka.send(record).whenComplete((result, failure) -> {
                        if (failure != null) {
                            log.warn("dropped a client event: {}", failure.toString());
                        }
                    });
                } catch (RuntimeException e) {
                    log.warn("dropped a client event: {}", e.toString());
                }
            }
        });
    }

    private ProducerRecord<String, String> record(ReelEvent event, @Nullable String correlationId) {
        var record = new ProducerRecord<>(Topics.CLIENT_ENGAGEMENT, event.key(), json.writeValueAsString(event));
        record.headers().add(EventHeaders.TYPE, bytes(event.getClass().getSimpleName()));
        record.headers().add(EventHeaders.SCHEMA_VERSION, bytes(Integer.toString(event.schemaVersion())));
        record.headers().add(EventHeaders.EVENT_ID, bytes(event.eventId().toString()));
        if (correlationId != null) {
            record.headers().add(EventHeaders.CORRELATION_ID, bytes(correlationId));
        }
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        senders.close();
    }
}
