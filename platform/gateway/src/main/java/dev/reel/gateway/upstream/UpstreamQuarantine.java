package dev.reel.gateway.upstream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;

/**
 * Passive outlier ejection. Discovery needs a few seconds to drop a dead instance (lease expiry,
 * eviction, client fetch, load-balancer cache); meanwhile the load balancer would keep choosing it,
 * and with zone preference it may be the only instance in the gateway's zone, so every retry would
 * hit it again. This load-balancer lifecycle listens to each call's outcome: when a call to an
 * instance fails at the connection level ({@link IOException}: refused, connect timeout, reset),
 * the instance is skipped for {@code ejectionTime}. {@link HealthyInstanceListSupplier} applies it.
 * HTTP error statuses and response timeouts do not eject: the instance is alive.
 */
public class UpstreamQuarantine implements LoadBalancerLifecycle<Object, Object, ServiceInstance> {

    private static final Logger log = LoggerFactory.getLogger(UpstreamQuarantine.class);

    private final Cache<String, Boolean> ejected;

    /** @param ejectionTime how long a failed instance is skipped; positive */
    public UpstreamQuarantine(Duration ejectionTime) {
        this.ejected = Caffeine.newBuilder()
                .expireAfterWrite(ejectionTime)
                .maximumSize(10_000)
                .build();
    }

    /** Whether the instance failed recently and should be skipped if others are available. */
    public boolean isEjected(ServiceInstance instance) {
        return ejected.getIfPresent(key(instance)) != null;
    }

    /** Skips the instance for the ejection time. */
    public void eject(ServiceInstance instance) {
        if (ejected.asMap().put(key(instance), Boolean.TRUE) == null) {
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
