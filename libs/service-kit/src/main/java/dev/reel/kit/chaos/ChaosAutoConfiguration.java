package dev.reel.kit.chaos;

import dev.reel.kit.KitFilterOrder;
import dev.reel.kit.KitProperties;
import dev.reel.kit.web.ProblemWriter;
import dev.reel.kit.web.WebAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@link ChaosFilter} behind the load-shedding filter, so that injected latency holds a slot as a slow handler
 * would. It applies faults only once the key at {@code reel.kit.chaos.key-file} exists.
 */
@AutoConfiguration(
        after = WebAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(KitProperties.class)
public class ChaosAutoConfiguration {

    @Bean
    FilterRegistrationBean<ChaosFilter> chaosFilter(
            KitProperties properties,
            Environment environment,
            ObjectProvider<MeterRegistry> meters,
            ProblemWriter problems) {
        var filter = new ChaosFilter(
                properties.chaos().keyFile(),
                environment.getProperty("spring.application.name", "reel"),
                problems,
                meters.getIfAvailable(() -> Metrics.globalRegistry),
                Clock.systemUTC());
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(KitFilterOrder.CHAOS);
        return registration;
    }
}
