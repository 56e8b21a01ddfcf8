package dev.reel.personalization;

import dev.reel.events.Topics;
import dev.reel.kit.events.ConsumerErrorHandlers;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.CommonErrorHandler;

/**
 * Service-wide wiring: the topics personalization publishes, how consumed events are retried, and the clock. Every
 * route needs a token, so the service declares no public routes.
 */
@Configuration(proxyBeanMethods = false)
class PersonalizationConfiguration {

    /** Impressions and clicks from clients, keyed by profile. */
    @Bean
    NewTopic clientEngagementTopic() {
        return TopicBuilder.name(Topics.CLIENT_ENGAGEMENT).partitions(3).build();
    }

    /** Experiment exposures, keyed by account. */
    @Bean
    NewTopic experimentExposuresTopic() {
        return TopicBuilder.name(Topics.EXPERIMENT_EXPOSURES).partitions(3).build();
    }

    /** Database outages are retried in place without limit; any other failing record is logged and skipped. */
    @Bean
    CommonErrorHandler personalizationKafkaErrorHandler(PersonalizationProperties properties) {
        return ConsumerErrorHandlers.retryingDatabaseOutages(
                properties.events().retryBackoff(), properties.events().maxRetryBackoff());
    }

    @Bean
    Clock personalizationClock() {
        return Clock.systemUTC();
    }
}
