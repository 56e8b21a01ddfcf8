package dev.reel.search.replay;

import dev.reel.search.SearchProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes {@link TopicReplay}s with the service's Kafka connection settings ({@code spring.kafka.*}): no group, no
 * committed offsets, no auto-created topics (a topic is created by its producer, with its own settings), string keys
 * and values.
 */
@Component
public class TopicReplays {

    private final KafkaProperties kafka;
    private final SearchProperties.Replay settings;
    private final String clientIdPrefix;

    public TopicReplays(KafkaProperties kafka, SearchProperties settings, Environment environment) {
        this.kafka = kafka;
        this.settings = settings.replay();
        this.clientIdPrefix = environment.getProperty("spring.application.name", "search");
    }

    /**
     * A replay of {@code topic}, not started.
     *
     * @param handler applies one record; runs on the replay thread, in partition order
     * @param onCaughtUp runs once on the replay thread when the replay reached the end offsets seen at start
     */
    public TopicReplay create(String topic, Consumer<ConsumerRecord<String, String>> handler, Runnable onCaughtUp) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix + "-" + topic + "-" + UUID.randomUUID());
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        return new TopicReplay(
                topic,
                config,
                handler,
                onCaughtUp,
                settings.pollTimeout(),
                settings.retryInterval(),
                settings.partitionRefresh());
    }
}
