package dev.reel.resilience.balancing;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;

/**
 * Passive outlier ejection. Discovery needs a few seconds to drop a dead instance (lease expiry, eviction, client
 * fetch, load-balancer cache); meanwhile the load balancer would keep choosing it, and with zone preference it may be
 * the only instance in the caller's zone, so every retry would hit it again. As a load-balancer lifecycle bean this
 * listens to each call's outcome: when a call to an instance fails at the connection level ({@link IOException}:
 * refused, connect timeout, reset), the instance is skipped for the ejection time. {@link HealthyInstanceListSupplier}
 * applies it. HTTP error statuses do not eject: the instance is alive.
 *
 * <p>Thread-safe; one per application, shared by every target service.
 */
public final class InstanceQuarantine implements LoadBalancerLifecycle<Object, Object, ServiceInstance> {

    private static final Logger log = LoggerFactory.getLogger(InstanceQuarantine.class);

    private final long ejectionNanos;
    private final Map<String, Long> ejectedUntil = new ConcurrentHashMap<>();

    /** @param ejectionTime how long a failed instance is skipped; positive */
    public InstanceQuarantine(Duration ejectionTime) {
        if (ejectionTime.isNegative() || ejectionTime.isZero()) {
            throw new IllegalArgumentException("ejection time must be positive: " + ejectionTime);
        }
        this.ejectionNanos = ejectionTime.toNanos();
    }

    /** Whether the instance failed recently and should be skipped while others are available. */
    public boolean isEjected(ServiceInstance instance) {
        Long until = ejectedUntil.get(key(instance));
        return until != null && until - System.nanoTime() > 0;
    }

    /** Skips the instance for the ejection time from now. */
    public void eject(ServiceInstance instance) {
        long now = System.nanoTime();
        ejectedUntil.values().removeIf(until -> until - now <= 0);
        if (ejectedUntil.put(key(instance), now + ejectionNanos) == null) {
            log.warn(
                    "Ejecting {} instance {}:{} after a connection failure",
                    instance.getServiceId(),
                    instance.getHost(),
                    instance.getPort());
        }
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface declares raw types
    public boolean supports(Class requestContextClass, Class responseClass, Class serverTypeClass) {
        return ServiceInstance.class.isAssignableFrom(serverTypeClass);
    }

    @Override
    public void onStart(Request<Object> request) {}

    @Override
    public void onStartRequest(Request<Object> request, Response<ServiceInstance> lbResponse) {}

    @Override
    public void onComplete(CompletionContext<Object, ServiceInstance, Object> completionContext) {
        if (completionContext.status() != CompletionContext.Status.FAILED
                || !isConnectionFailure(completionContext.getThrowable())) {
            return;
        }
        Response<ServiceInstance> response = completionContext.getLoadBalancerResponse();
        if (response != null && response.hasServer()) {
            eject(response.getServer());
        }
    }

    private static boolean isConnectionFailure(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String key(ServiceInstance instance) {
        return instance.getServiceId() + "@" + instance.getHost() + ":" + instance.getPort();
    }
}
