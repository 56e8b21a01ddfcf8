package dev.reel.catalog;

import dev.reel.events.Topics;
import dev.reel.kit.events.EventHeaders;
import dev.reel.testkit.TestHttp;
import dev.reel.testkit.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/** Reads {@link Topics#CATALOG_TITLES} with a real consumer, from the beginning, in a fresh group each time. */
final class TitleEvents {

    /** One record: its event type header and parsed payload. */
    record Event(String type, JsonNode payload) {

        JsonNode title() {
            return payload.path("title");
        }
    }

    private TitleEvents() {}

    /**
     * The events keyed {@code titleId}: waits until at least {@code expected} arrived (or {@code timeout} passed), then
     * keeps reading a little longer so that duplicates would show.
     */
    static List<Event> forTitle(UUID titleId, int expected, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "catalog-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<Event> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CATALOG_TITLES));
            long deadline = System.nanoTime() + timeout.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (titleId.toString().equals(record.key())) {
                        Header type = record.headers().lastHeader(EventHeaders.TYPE);
                        events.add(new Event(
                                type == null ? "" : new String(type.value(), StandardCharsets.UTF_8),
                                TestHttp.JSON.readTree(record.value())));
                    }
                }
                if (events.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + Duration.ofMillis(1500).toNanos();
                }
            }
        }
        return events;
    }
}
