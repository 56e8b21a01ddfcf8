package dev.reel.kit.events;

import dev.reel.kit.KitProperties;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events for every service: an {@link EventReader} for Kafka listeners, and, for services with a database and Kafka,
 * the transactional outbox. The service's Flyway locations must include {@code classpath:db/kit}, which creates the
 * outbox table.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
        })
@EnableConfigurationProperties(KitProperties.class)
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(JsonMapper.class)
    EventReader eventReader(JsonMapper json) {
        return new EventReader(json);
    }

    @Bean
    @ConditionalOnBean({DataSource.class, KafkaTemplate.class})
    @ConditionalOnProperty(name = "reel.kit.outbox.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            KafkaTemplate<String, String> kafka,
            KitProperties properties,
            ObjectProvider<Tracer> tracers,
            ObjectProvider<Propagator> propagators) {
        return new OutboxRelay(
                jdbc,
                new TransactionTemplate(transactionManager),
                kafka,
                properties.outbox(),
                new OutboxTracing(tracers, propagators));
    }

    @Bean
    @ConditionalOnBean(OutboxRelay.class)
    Outbox outbox(
            JdbcClient jdbc,
            JsonMapper json,
            OutboxRelay relay,
            ObjectProvider<Tracer> tracers,
            ObjectProvider<Propagator> propagators) {
        return new Outbox(jdbc, json, relay, new OutboxTracing(tracers, propagators));
    }
}
