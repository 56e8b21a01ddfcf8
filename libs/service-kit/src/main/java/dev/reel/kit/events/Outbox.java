package dev.reel.kit.events;

import dev.reel.events.ReelEvent;
import dev.reel.kit.observability.CorrelationIdFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events with the data they describe: {@link #append} writes the event into the service's
 * own database in the caller's transaction, and {@link OutboxRelay} sends it to Kafka once that
 * transaction commits. A rollback discards the event with the data; a crash after commit delays it but
 * never loses it. Delivery is at least once, so consumers dedupe by {@link ReelEvent#eventId()}.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxRelay relay;
    private final OutboxTracing tracing;

    Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay, OutboxTracing tracing) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
        this.tracing = tracing;
    }

    /**
     * Records {@code event} for {@code topic}, keyed by {@link ReelEvent#key()}, with the current trace
     * context so that the published record and its consumers continue the caller's trace.
     *
     * @throws IllegalStateException when no transaction is active: an event written outside the
     *     transaction of its data could be published for data that never committed
     */
    public void append(String topic, ReelEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append must run inside the transaction that writes the data");
        }
        jdbc.sql("""
                INSERT INTO reel_outbox (event_id, topic, record_key, event_type, schema_version, payload, correlation_id, traceparent)
                VALUES (:eventId, :topic, :key, :type, :schemaVersion, CAST(:payload AS jsonb), :correlationId, :traceparent)
                """)
                .param("eventId", event.eventId())
                .param("topic", topic)
                .param("key", event.key())
                .param("type", event.getClass().getSimpleName())
                .param("schemaVersion", event.schemaVersion())
                .param("payload", json.writeValueAsString(event))
                .param("correlationId", CorrelationIdFilter.current())
                .param("traceparent", tracing.current())
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.nudge();
            }
        });
    }
}
