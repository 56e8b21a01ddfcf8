package dev.reel.search.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one topic from the beginning, forever, on its own platform thread, handing every record to a handler in
 * partition order. Partitions are assigned manually (every partition of the topic, checked again every {@code
 * partitionRefresh} for new ones) and no offsets are committed: each instance replays the whole topic at each start.
 *
 * <p>At start the replay reads the partitions' end offsets; once its position reaches them on every partition it has
 * <em>caught up</em>: {@code onCaughtUp} runs once, on the replay thread, after which {@link #status()} says so. A topic
 * that does not exist yet counts as empty.
 *
 * <p>A handler that throws is logged and the record skipped. Broker failures are logged and retried every {@code
 * retryInterval}, resuming at the positions reached, so no record is handed over twice by one replay. Create with
 * {@link TopicReplays#create}; {@link #start()} once, {@link #close()} to stop.
 */
public final class TopicReplay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicReplay.class);

    private final String topic;
    private final Map<String, Object> config;
    private final Consumer<ConsumerRecord<String, String>> handler;
    private final Runnable onCaughtUp;
    private final Duration pollTimeout;
    private final Duration retryInterval;
    private final Duration partitionRefresh;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final CountDownLatch caughtUpLatch = new CountDownLatch(1);
    private final Thread thread;

    private volatile boolean running = true;
    private volatile @Nullable KafkaConsumer<String, String> consumer;
    private volatile @Nullable Map<TopicPartition, Long> targets;
    private volatile boolean caughtUp;
    private volatile long records;
    private volatile @Nullable Duration catchUpTime;
    private volatile @Nullable String lastError;
    private volatile Instant startedAt = Instant.now();
    private long startedNanos = System.nanoTime();

    TopicReplay(
            String topic,
            Map<String, Object> config,
            Consumer<ConsumerRecord<String, String>> handler,
            Runnable onCaughtUp,
            Duration pollTimeout,
            Duration retryInterval,
            Duration partitionRefresh) {
        this.topic = topic;
        this.config = Map.copyOf(config);
        this.handler = handler;
        this.onCaughtUp = onCaughtUp;
        this.pollTimeout = pollTimeout;
        this.retryInterval = retryInterval;
        this.partitionRefresh = partitionRefresh;
        this.thread = Thread.ofPlatform().name("replay-" + topic).daemon().unstarted(this::run);
    }

    /** Starts reading on the replay's own thread. */
    public void start() {
        startedAt = Instant.now();
        startedNanos = System.nanoTime();
        thread.start();
    }

    public String topic() {
        return topic;
    }

    public ReplayStatus status() {
        return new ReplayStatus(topic, caughtUp, records, startedAt, catchUpTime, lastError);
    }

    /**
     * Waits until the replay has caught up.
     *
     * @return whether it did within the timeout
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUpLatch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops reading and waits (briefly) for the thread to end. */
    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try (var client = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
                consumer = client;
                consume(client);
            } catch (WakeupException | InterruptException e) {
                if (!running) {
                    return;
                }
                lastError = e.toString();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                lastError = e.toString();
                log.warn("replay of {} failed, retrying in {}: {}", topic, retryInterval, e.toString());
            } finally {
                consumer = null;
            }
            pause(retryInterval);
        }
    }

    private void consume(KafkaConsumer<String, String> client) {
        Set<TopicPartition> assigned = Set.of();
        long nextPartitionCheck = System.nanoTime();
        while (running) {
            if (System.nanoTime() - nextPartitionCheck >= 0) {
                Set<TopicPartition> found = partitions(client);
                if (!found.equals(assigned)) {
                    assign(client, found);
                    assigned = found;
                }
                if (targets == null) {
                    Map<TopicPartition, Long> ends =
                            found.isEmpty() ? Map.of() : client.endOffsets(found, retryInterval);
                    targets = Map.copyOf(ends);
                    log.info("replaying {} from the beginning up to end offsets {}", topic, ends);
                }
                lastError = null;
                Duration wait = found.isEmpty() ? retryInterval : partitionRefresh;
                nextPartitionCheck = System.nanoTime() + wait.toNanos();
            }
            if (assigned.isEmpty()) {
                checkCaughtUp(client);
                pause(retryInterval);
                continue;
            }
            ConsumerRecords<String, String> batch = client.poll(pollTimeout);
            for (ConsumerRecord<String, String> record : batch) {
                try {
                    handler.accept(record);
                } catch (RuntimeException e) {
                    log.warn(
                            "skipped record {}-{}@{}: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            e.toString(),
                            e);
                }
                positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                records++;
            }
            checkCaughtUp(client);
        }
    }

    private Set<TopicPartition> partitions(KafkaConsumer<String, String> client) {
        List<PartitionInfo> infos = client.partitionsFor(topic, retryInterval);
        Set<TopicPartition> found = new HashSet<>();
        if (infos != null) {
            for (PartitionInfo info : infos) {
                found.add(new TopicPartition(info.topic(), info.partition()));
            }
        }
        return found;
    }

    /** Assigns the partitions; each resumes where this replay got to, or starts from the beginning. */
    private void assign(KafkaConsumer<String, String> client, Set<TopicPartition> partitions) {
        client.assign(partitions);
        Set<TopicPartition> fresh = new HashSet<>();
        for (TopicPartition partition : partitions) {
            Long position = positions.get(partition);
            if (position == null) {
                fresh.add(partition);
            } else {
                client.seek(partition, position);
            }
        }
        if (!fresh.isEmpty()) {
            client.seekToBeginning(fresh);
        }
        log.info("replay of {} assigned {} partition(s)", topic, partitions.size());
    }

    private void checkCaughtUp(KafkaConsumer<String, String> client) {
        Map<TopicPartition, Long> ends = targets;
        if (caughtUp || ends == null) {
            return;
        }
        for (var end : ends.entrySet()) {
            Long reached = positions.get(end.getKey());
            if (reached == null || reached < end.getValue()) {
                // Compaction and transaction markers leave gaps: the consumer's own position is authoritative.
                if (end.getValue() > 0 && client.position(end.getKey(), retryInterval) < end.getValue()) {
                    return;
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        try {
            onCaughtUp.run();
        } finally {
            catchUpTime = took;
            caughtUp = true;
            caughtUpLatch.countDown();
        }
    }

    /** Sleeps; {@link #close()} interrupts it, and the loop then sees {@code running} is false. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
