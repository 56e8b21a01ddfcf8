package dev.reel.playback;

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
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/** Reads {@link Topics#PLAYBACK_SESSIONS} with a real consumer, from the beginning, in a fresh group each time. */
final class PlaybackEvents {

    /** One record: its key, event type header and parsed payload. */
    record Event(String key, String type, JsonNode payload) {}

    private PlaybackEvents() {}

    /** The events of one session, waiting until {@code until} holds for them or {@code timeout} passed. */
    static List<Event> ofSession(UUID sessionId, Predicate<List<Event>> until, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "playback-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<Event> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PLAYBACK_SESSIONS));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !until.test(events)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode payload = TestHttp.JSON.readTree(record.value());
                    if (sessionId.toString().equals(payload.path("sessionId").asString())) {
                        Header type = record.headers().lastHeader(EventHeaders.TYPE);
                        events.add(new Event(
                                record.key(),
                                type == null ? "" : new String(type.value(), StandardCharsets.UTF_8),
                                payload));
                    }
                }
            }
        }
        return events;
    }

    /** Waits until the session has an event of each of these types. */
    static Predicate<List<Event>> hasTypes(String... types) {
        return events -> {
            for (String type : types) {
                if (events.stream().noneMatch(e -> e.type().equals(type))) {
                    return false;
                }
            }
            return true;
        };
    }
}
