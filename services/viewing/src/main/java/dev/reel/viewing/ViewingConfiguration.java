package dev.reel.viewing;

import dev.reel.kit.events.ConsumerErrorHandlers;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;

/**
 * Service-wide wiring: how consumed events are retried, and the clock. Every viewing route needs a member's token, so
 * the service declares no public routes.
 */
@Configuration(proxyBeanMethods = false)
class ViewingConfiguration {

    /** Database outages are retried in place without limit; any other failing record is logged and skipped. */
    @Bean
    CommonErrorHandler viewingKafkaErrorHandler(ViewingProperties properties) {
        return ConsumerErrorHandlers.retryingDatabaseOutages(
                properties.events().retryBackoff(), properties.events().maxRetryBackoff());
    }

    @Bean
    Clock viewingClock() {
        return Clock.systemUTC();
    }
}
