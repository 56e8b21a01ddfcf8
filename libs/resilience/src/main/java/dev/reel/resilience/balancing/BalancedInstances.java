package dev.reel.resilience.balancing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplierBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The instance list every Reel load balancer chooses from. */
public final class BalancedInstances {

    private BalancedInstances() {}

    /**
     * Discovery's instances, cached ({@code spring.cloud.loadbalancer.cache.ttl}), minus those the quarantine ejected,
     * then, with {@code zonePreference}, only those in the caller's zone ({@code spring.cloud.loadbalancer.zone}) while
     * any are left. Ejection comes before the zone filter so that losing the last instance in the caller's zone falls
     * over to another zone at once instead of waiting for discovery to notice.
     *
     * @param context the load-balancer client's own (child) context, whose parent has a reactive discovery client
     */
    public static ServiceInstanceListSupplier reactive(
            ConfigurableApplicationContext context, InstanceQuarantine quarantine, boolean zonePreference) {
        return build(ServiceInstanceListSupplier.builder().withDiscoveryClient(), context, quarantine, zonePreference);
    }

    /** As {@link #reactive}, for an application with only a blocking discovery client (a servlet service). */
    public static ServiceInstanceListSupplier blocking(
            ConfigurableApplicationContext context, InstanceQuarantine quarantine, boolean zonePreference) {
        return build(
                ServiceInstanceListSupplier.builder().withBlockingDiscoveryClient(),
                context,
                quarantine,
                zonePreference);
    }

    private static ServiceInstanceListSupplier build(
            ServiceInstanceListSupplierBuilder discovery,
            ConfigurableApplicationContext context,
            InstanceQuarantine quarantine,
            boolean zonePreference) {
        var builder =
                discovery.withCaching().with((ctx, delegate) -> new HealthyInstanceListSupplier(delegate, quarantine));
        if (zonePreference) {
            builder.withZonePreference();
        }
        return builder.build(context);
    }
}
