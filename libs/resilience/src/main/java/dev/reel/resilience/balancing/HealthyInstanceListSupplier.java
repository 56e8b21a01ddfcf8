package dev.reel.resilience.balancing;

import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * Removes instances the {@link InstanceQuarantine} has ejected. Fails open: if every instance is
 * ejected, all are returned, since a guess is better than no instance at all.
 */
final class HealthyInstanceListSupplier extends DelegatingServiceInstanceListSupplier {

    private final InstanceQuarantine quarantine;

    HealthyInstanceListSupplier(ServiceInstanceListSupplier delegate, InstanceQuarantine quarantine) {
        super(delegate);
        this.quarantine = quarantine;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return getDelegate().get().map(this::healthy);
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface declares a raw Request
    public Flux<List<ServiceInstance>> get(Request request) {
        return getDelegate().get(request).map(this::healthy);
    }

    private List<ServiceInstance> healthy(List<ServiceInstance> instances) {
        List<ServiceInstance> healthy = instances.stream()
                .filter(instance -> !quarantine.isEjected(instance))
                .toList();
        return healthy.isEmpty() ? instances : healthy;
    }
}
