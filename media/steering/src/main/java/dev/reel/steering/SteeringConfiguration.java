package dev.reel.steering;

import dev.reel.kit.events.ConsumerErrorHandlers;
import dev.reel.kit.security.PublicRoutes;
import dev.reel.origin.OriginStore;
import dev.reel.origin.OriginStores;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.listener.CommonErrorHandler;

/** Service-wide wiring: the public route, the origin store, how consumed events are retried, and the clock. */
@Configuration(proxyBeanMethods = false)
class SteeringConfiguration {

    /**
     * Appliance reports carry no access token: they are signed with the edge token keys and verified by the report
     * controller. Every other route needs a token.
     */
    @Bean
    PublicRoutes steeringPublicRoutes() {
        return PublicRoutes.of(HttpMethod.POST, "/api/v1/cdn/reports");
    }

    /** The origin, read only: titles, their current versions and sizes. Closed with the context. */
    @Bean(destroyMethod = "close")
    OriginStore steeringOriginStore(SteeringProperties properties) {
        return OriginStores.create(properties.origin());
    }

    /** Database outages are retried in place without limit; any other failing record is logged and skipped. */
    @Bean
    CommonErrorHandler steeringKafkaErrorHandler(SteeringProperties properties) {
        return ConsumerErrorHandlers.retryingDatabaseOutages(
                properties.events().retryBackoff(), properties.events().maxRetryBackoff());
    }

    @Bean
    Clock steeringClock() {
        return Clock.systemUTC();
    }
}
