package dev.reel.kit.shedding;

import dev.reel.kit.KitFilterOrder;
import dev.reel.kit.KitProperties;
import dev.reel.kit.web.ProblemWriter;
import dev.reel.kit.web.WebAutoConfiguration;
import dev.reel.resilience.CpuLoad;
import dev.reel.resilience.PriorityLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@link LoadSheddingFilter} in front of every request a service serves, with a limiter named after the service
 * ({@code spring.application.name}) and sized by {@code reel.kit.shedding.*}.
 */
@AutoConfiguration(
        after = WebAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "reel.kit.shedding.enabled", matchIfMissing = true)
@EnableConfigurationProperties(KitProperties.class)
public class SheddingAutoConfiguration {

    @Bean
    FilterRegistrationBean<LoadSheddingFilter> loadSheddingFilter(
            KitProperties properties,
            Environment environment,
            ObjectProvider<MeterRegistry> meters,
            ProblemWriter problems) {
        String service = environment.getProperty("spring.application.name", "reel");
        KitProperties.Shedding shedding = properties.shedding();
        PriorityLimiter.Builder builder = PriorityLimiter.newBuilder(
                        service, meters.getIfAvailable(() -> Metrics.globalRegistry))
                .limit(PriorityLimiter.gradient2(shedding.initialLimit(), shedding.minLimit(), shedding.maxLimit()));
        if (shedding.cpuShedding()) {
            builder.cpuShedding(CpuLoad.SYSTEM);
        }
        PriorityLimiter limiter = builder.build();
        var registration = new FilterRegistrationBean<>(new LoadSheddingFilter(limiter, service, problems));
        registration.setOrder(KitFilterOrder.LOAD_SHEDDING);
        return registration;
    }
}
