package dev.reel.kit.client;

import dev.reel.kit.KitProperties;
import dev.reel.resilience.balancing.BalancedInstances;
import dev.reel.resilience.balancing.InstanceQuarantine;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Every service's load-balancer client configuration, installed for each target by {@link ClientAutoConfiguration}.
 * Deliberately not a {@code @Configuration}: Spring Cloud instantiates it in each target's child context. The instance
 * list is {@link BalancedInstances#blocking}: an instance that just failed a connection is skipped, then the caller's
 * zone is preferred ({@code reel.kit.clients.zone-preference}).
 */
public class KitLoadBalancerConfiguration {

    @Bean
    ServiceInstanceListSupplier kitServiceInstanceListSupplier(
            ConfigurableApplicationContext context, InstanceQuarantine quarantine, KitProperties properties) {
        return BalancedInstances.blocking(
                context, quarantine, properties.clients().zonePreference());
    }
}
