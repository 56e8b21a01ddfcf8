package dev.reel.gateway.upstream;

import dev.reel.gateway.GatewayProperties;
import dev.reel.resilience.balancing.BalancedInstances;
import dev.reel.resilience.balancing.InstanceQuarantine;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The gateway's load-balancer client configuration, applied to every service through {@link UpstreamConfiguration}.
 * Deliberately not a {@code @Configuration}: Spring Cloud instantiates it in each service's child context. The
 * instance list is {@link BalancedInstances#reactive}, with the zone preference only when {@code
 * reel.gateway.upstream.zone-preference} is on: the gateway decides this with its own setting, since one gateway fronts
 * every zone locally.
 */
public class EdgeLoadBalancerConfiguration {

    @Bean
    ServiceInstanceListSupplier edgeServiceInstanceListSupplier(
            ConfigurableApplicationContext context, InstanceQuarantine quarantine, GatewayProperties properties) {
        return BalancedInstances.reactive(
                context, quarantine, properties.upstream().zonePreference());
    }
}
