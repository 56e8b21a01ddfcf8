package dev.reel.catalog;

import dev.reel.events.Maturity;
import dev.reel.events.Topics;
import dev.reel.kit.events.ConsumerErrorHandlers;
import dev.reel.kit.security.PublicRoutes;
import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.CommonErrorHandler;

/**
 * Service-wide wiring: which routes are public, the events topic, how consumed events are retried, the clock, and how
 * maturity settings bind.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    /** Catalog reads are public; every write needs a token (and the admin role, checked per method). */
    @Bean
    PublicRoutes catalogPublicRoutes() {
        return PublicRoutes.of(HttpMethod.GET, "/api/v1/genres/**", "/api/v1/titles/**");
    }

    /**
     * The compacted topic of title snapshots, keyed by title id: its latest record per key is the title's current
     * state, so consumers can rebuild their views from it. Replication follows the broker's default.
     */
    @Bean
    NewTopic catalogTitlesTopic() {
        return TopicBuilder.name(Topics.CATALOG_TITLES).partitions(3).compact().build();
    }

    /** Database outages are retried in place without limit; any other failing record is logged and skipped. */
    @Bean
    CommonErrorHandler catalogKafkaErrorHandler(CatalogProperties properties) {
        return ConsumerErrorHandlers.retryingDatabaseOutages(
                properties.events().retryBackoff(), properties.events().maxRetryBackoff());
    }

    @Bean
    Clock catalogClock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConfigurationPropertiesBinding
    static Converter<String, Maturity> maturitySettingConverter() {
        return new MaturitySettingConverter();
    }

    /** Binds {@code 7+} as well as {@code SEVEN_PLUS}. */
    static final class MaturitySettingConverter implements Converter<String, Maturity> {
        @Override
        public Maturity convert(String source) {
            String value = source.strip();
            return Maturity.fromLabel(value)
                    .orElseThrow(
                            () -> new IllegalArgumentException("Unknown maturity '" + source + "', expected one of "
                                    + Arrays.stream(Maturity.values())
                                            .map(Maturity::label)
                                            .collect(Collectors.joining(", "))));
        }
    }
}
