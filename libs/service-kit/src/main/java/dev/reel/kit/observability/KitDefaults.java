package dev.reel.kit.observability;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every Reel service shares, added with the lowest precedence so that configuration from the
 * config server, the environment or a test overrides any of them.
 *
 * <p>Tracing: every request is sampled and W3C trace context travels on HTTP calls and Kafka records
 * (template and listener observations), so trace ids appear in the JSON logs; no span is exported. Flyway
 * runs out of order so that a kit migration numbered below a service's own ({@code V0_2} after {@code V3})
 * still applies to databases created before it. The chaos key is looked for in the data directory, where {@code reel
 * up} writes it.
 */
public class KitDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "reelKitDefaults";

    private static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("spring.threads.virtual.enabled", "true"),
            Map.entry("spring.main.banner-mode", "off"),
            Map.entry("server.shutdown", "graceful"),
            Map.entry("spring.lifecycle.timeout-per-shutdown-phase", "10s"),
            Map.entry("logging.structured.format.console", "logstash"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            Map.entry("management.endpoint.health.probes.add-additional-paths", "true"),
            Map.entry("management.prometheus.metrics.export.enabled", "true"),
            Map.entry("management.metrics.tags.application", "${spring.application.name}"),
            Map.entry("management.tracing.sampling.probability", "1.0"),
            Map.entry("spring.kafka.template.observation-enabled", "true"),
            Map.entry("spring.kafka.listener.observation-enabled", "true"),
            Map.entry("spring.flyway.out-of-order", "true"),
            Map.entry("reel.kit.chaos.key-file", "${reel.data-dir:.reel}/secrets/chaos.key"),
            Map.entry("spring.kafka.producer.acks", "all"),
            Map.entry("spring.kafka.producer.properties.enable.idempotence", "true"),
            Map.entry("spring.kafka.producer.properties.max.block.ms", "5000"),
            Map.entry("spring.kafka.producer.properties.delivery.timeout.ms", "15000"),
            Map.entry("spring.kafka.producer.properties.request.timeout.ms", "5000"),
            Map.entry("spring.datasource.hikari.maximum-pool-size", "10"),
            Map.entry("spring.datasource.hikari.minimum-idle", "1"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
    }
}
