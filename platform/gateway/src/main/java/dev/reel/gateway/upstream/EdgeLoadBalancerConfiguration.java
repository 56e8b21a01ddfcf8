package dev.reel.gateway.upstream;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplierBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The gateway's load-balancer client configuration, applied to every service through {@link
 * UpstreamConfiguration}. Deliberately not a {@code @Configuration}: Spring Cloud instantiates it
 * in each service's child context. The instance list is: discovery, cached (TTL from {@code
 * spring.cloud.loadbalancer.cache.ttl}), minus ejected instances, then the zone preference when
 * {@code spring.cloud.loadbalancer.configurations} is {@code zone-preference} (as in the shared
 * config). Ejection comes before the zone filter so that losing the last instance in the
 * gateway's zone falls over to the other zone at once.
 */
public class EdgeLoadBalancerConfiguration {

    private static final String ZONE_PREFERENCE = "zone-preference";

    @Bean
    ServiceInstanceListSupplier edgeServiceInstanceListSupplier(
            ConfigurableApplicationContext context, UpstreamQuarantine quarantine) {
        ServiceInstanceListSupplierBuilder builder = ServiceInstanceListSupplier.builder()
                .withDiscoveryClient()
                .withCaching()
                .with((ctx, delegate) -> new HealthyInstanceListSupplier(delegate, quarantine));
        if (ZONE_PREFERENCE.equals(context.getEnvironment().getProperty("spring.cloud.loadbalancer.configurations"))) {
            builder.withZonePreference();
        }
        return builder.build(context);
    }
}
