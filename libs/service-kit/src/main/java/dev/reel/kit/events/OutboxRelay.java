package dev.reel.kit.events;

import dev.reel.kit.KitProperties;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends committed outbox rows to Kafka, oldest first, and marks them published in the same database
 * transaction that locked them.
 *
 * <p>Only one relay per database sends at a time (a transaction-scoped advisory lock), so events with
 * the same key reach Kafka in the order they were written even when a service runs many instances. A
 * failed send rolls the batch back and it is tried again; a crash between send and commit resends the
 * batch, which is why delivery is at least once. Published rows are deleted after the retention.
 *
 * <p>Each record is sent inside a span continuing the trace stored with its row, so its {@code traceparent}
 * header (written by the template's observation) carries the trace id of the request that appended it.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x5245454c4f555442L; // "REELOUTB"
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final KitProperties.Outbox settings;
    private final OutboxTracing tracing;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile @Nullable Thread worker;
    private Instant nextCleanup = Instant.EPOCH;

    OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, String> kafka,
            KitProperties.Outbox settings,
            OutboxTracing tracing) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = settings;
        this.tracing = tracing;
    }

    /** Asks the relay to look for new rows now rather than at its next poll. */
    void nudge() {
        wakeUp.release();
    }

    /**
     * Publishes one batch of pending rows.
     *
     * @return how many rows were published; 0 when none were pending or another relay holds the lock
     */
    public int relayOnce() {
        Integer sent = transactions.execute(status -> {
            Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                    .param("lock", RELAY_LOCK)
                    .query(Boolean.class)
                    .single();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<Row> rows = jdbc.sql("""
                    SELECT id, event_id, topic, record_key, event_type, schema_version, payload::text AS payload, correlation_id,
                           traceparent
                    FROM reel_outbox WHERE published_at IS NULL ORDER BY id LIMIT :limit
                    """)
                    .param("limit", settings.batchSize())
                    .query((rs, n) -> new Row(
                            rs.getLong("id"),
                            rs.getObject("event_id", UUID.class),
                            rs.getString("topic"),
                            rs.getString("record_key"),
                            rs.getString("event_type"),
                            rs.getInt("schema_version"),
                            rs.getString("payload"),
                            rs.getString("correlation_id"),
                            rs.getString("traceparent")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            send(rows);
            jdbc.sql("UPDATE reel_outbox SET published_at = now() WHERE id IN (:ids)")
                    .param("ids", rows.stream().map(Row::id).toList())
                    .update();
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    private void send(List<Row> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            var record = new ProducerRecord<String, String>(row.topic(), row.key(), row.payload());
            record.headers().add(EventHeaders.TYPE, bytes(row.type()));
            record.headers().add(EventHeaders.SCHEMA_VERSION, bytes(Integer.toString(row.schemaVersion())));
            record.headers().add(EventHeaders.EVENT_ID, bytes(row.eventId().toString()));
            if (row.correlationId() != null) {
                record.headers().add(EventHeaders.CORRELATION_ID, bytes(row.correlationId()));
            }
            // the template's observation writes the record's traceparent from the span current here
            tracing.continueTrace(row.traceparent(), "outbox publish", () -> acks.add(kafka.send(record)));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing outbox events", e);
        } catch (Exception e) {
            throw new IllegalStateException("publishing outbox events failed", e);
        }
    }

    private void cleanUp() {
        if (Instant.now().isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = Instant.now().plus(Duration.ofMinutes(10));
        int deleted = jdbc.sql("DELETE FROM reel_outbox WHERE published_at < :before")
                .param("before", Timestamp.from(Instant.now().minus(settings.retention())))
                .update();
        if (deleted > 0) {
            log.info("deleted {} published outbox rows", deleted);
        }
    }

    private void run() {
        Duration backoff = settings.pollInterval();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                while (relayOnce() > 0) {
                    // drain everything that is pending before sleeping
                }
                cleanUp();
                backoff = settings.pollInterval();
                wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("outbox relay failed; retrying in {} ms: {}", backoff.toMillis(), e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    @Override
    public void start() {
        worker = Thread.ofPlatform().daemon().name("outbox-relay").start(this::run);
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private record Row(
            long id,
            UUID eventId,
            String topic,
            String key,
            String type,
            int schemaVersion,
            String payload,
            @Nullable String correlationId,
            @Nullable String traceparent) {}
}
