package dev.reel.gateway.upstream;

import dev.reel.gateway.GatewayProperties;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplierBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The gateway's load-balancer client configuration, applied to every service through {@link
 * UpstreamConfiguration}. Deliberately not a {@code @Configuration}: Spring Cloud instantiates it
 * in each service's child context. The instance list is: discovery, cached (TTL from {@code
 * spring.cloud.loadbalancer.cache.ttl}), minus ejected instances, then the zone preference when
 * {@code reel.gateway.upstream.zone-preference} is on. The gateway decides this with its own setting
 * rather than the shared {@code spring.cloud.loadbalancer.configurations}, which is meant for
 * service-to-service calls. Ejection comes before the zone filter so that losing the last instance
 * in the gateway's zone falls over to the other zone at once.
 */
public class EdgeLoadBalancerConfiguration {

    @Bean
    ServiceInstanceListSupplier edgeServiceInstanceListSupplier(
            ConfigurableApplicationContext context, UpstreamQuarantine quarantine, GatewayProperties properties) {
        ServiceInstanceListSupplierBuilder builder = ServiceInstanceListSupplier.builder()
                .withDiscoveryClient()
                .withCaching()
                .with((ctx, delegate) -> new HealthyInstanceListSupplier(delegate, quarantine));
        if (properties.upstream().zonePreference()) {
            builder.withZonePreference();
        }
        return builder.build(context);
    }
}
