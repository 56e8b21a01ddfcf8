package dev.reel.steering;

import dev.reel.kit.security.PublicRoutes;
import dev.reel.origin.OriginStore;
import dev.reel.origin.OriginStores;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.ExponentialBackOff;

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

    /**
     * How listener containers handle a record whose processing threw: database outages are retried in place with
     * exponential backoff and without limit, keeping the partition's order; anything else is logged and the record
     * skipped, so one bad record never blocks the ones behind it.
     */
    @Bean
    CommonErrorHandler steeringKafkaErrorHandler(SteeringProperties properties) {
        var backOff = new ExponentialBackOff(properties.events().retryBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.events().maxRetryBackoff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        var handler = new DefaultErrorHandler(backOff);
        handler.defaultFalse(true);
        handler.addRetryableExceptions(
                DataAccessResourceFailureException.class,
                TransientDataAccessException.class,
                RecoverableDataAccessException.class,
                CannotCreateTransactionException.class);
        return handler;
    }

    @Bean
    Clock steeringClock() {
        return Clock.systemUTC();
    }
}
