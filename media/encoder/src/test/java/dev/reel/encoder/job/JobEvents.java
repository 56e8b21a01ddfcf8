package dev.reel.encoder.job;

import dev.reel.events.Topics;
import dev.reel.kit.events.EventHeaders;
import dev.reel.testkit.TestHttp;
import dev.reel.testkit.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/** Reads {@link Topics#ENCODING_JOBS} with a plain consumer, from the beginning, in a fresh group each time. */
final class JobEvents {

    /** One record: its type header and payload. */
    record Event(String type, JsonNode payload) {}

    private JobEvents() {}

    /** The events of {@code jobId}, read until one of {@code until} types arrived (or {@code timeout} passed). */
    static List<Event> forJob(UUID jobId, Set<String> until, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "encoder-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<Event> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ENCODING_JOBS));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode payload = TestHttp.JSON.readTree(record.value());
                    if (!jobId.toString().equals(payload.path("jobId").asString())) {
                        continue;
                    }
                    Header type = record.headers().lastHeader(EventHeaders.TYPE);
                    String name = type == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
                    events.add(new Event(name, payload));
                    if (until.contains(name)) {
                        return events;
                    }
                }
            }
        }
        return events;
    }
}
