package dev.reel.kit.observability;

import dev.reel.kit.KitFilterOrder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Correlation ids and the serving-instance header on every request. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ObservabilityAutoConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        var registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(KitFilterOrder.CORRELATION_ID);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ServedByFilter> servedByFilter(Environment environment) {
        String instanceId = environment.getProperty(
                "eureka.instance.instance-id", environment.getProperty("spring.application.name", "reel"));
        var registration = new FilterRegistrationBean<>(new ServedByFilter(instanceId));
        registration.setOrder(KitFilterOrder.SERVED_BY);
        return registration;
    }
}
