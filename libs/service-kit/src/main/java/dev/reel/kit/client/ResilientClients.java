package dev.reel.kit.client;

import dev.reel.kit.KitProperties;
import dev.reel.kit.observability.CorrelationIdFilter;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Makes the only kind of client a Reel service uses to call another: a Spring HTTP interface whose
 * every call is resilient and has a fallback.
 *
 * <p>Each call is load-balanced over the target's instances from discovery (preferring the caller's
 * zone), bounded by a connect and read timeout, limited by a bulkhead, retried on another instance when
 * one refuses the connection, and guarded by a circuit breaker per target service. When the call still
 * fails (a 5xx, an I/O error or timeout, an open circuit or a full bulkhead), the same method of the
 * fallback answers instead, so a slow or broken dependency degrades a response and never fails it. A
 * 4xx answer is the callee's verdict on the request, not a failure: it propagates as {@link
 * HttpClientErrorException} and does not count against the circuit.
 *
 * <p>The caller's {@code Authorization} and correlation id headers travel with every call made while
 * serving a request. Resilience4j's metrics for every client are published to Prometheus.
 */
public final class ResilientClients {

    private static final Logger log = LoggerFactory.getLogger(ResilientClients.class);

    private final ObjectProvider<RestClient.Builder> builders;
    private final LoadBalancerClient loadBalancer;
    private final CircuitBreakerRegistry circuitBreakers;
    private final BulkheadRegistry bulkheads;
    private final RetryRegistry retries;
    private final KitProperties.Clients settings;

    public ResilientClients(
            ObjectProvider<RestClient.Builder> builders,
            LoadBalancerClient loadBalancer,
            CircuitBreakerRegistry circuitBreakers,
            BulkheadRegistry bulkheads,
            RetryRegistry retries,
            KitProperties.Clients settings) {
        this.builders = builders;
        this.loadBalancer = loadBalancer;
        this.circuitBreakers = circuitBreakers;
        this.bulkheads = bulkheads;
        this.retries = retries;
        this.settings = settings;
    }

    /**
     * A client of {@code serviceId} speaking {@code api}.
     *
     * @param api an interface whose methods carry {@code @HttpExchange} annotations with paths relative
     *     to the service's root
     * @param serviceId the target's name in discovery
     * @param fallback answers each method when the call fails; must not be null and should not call
     *     the same service
     * @return a thread-safe client; keep it in a bean
     */
    public <T> T create(Class<T> api, String serviceId, T fallback) {
        Objects.requireNonNull(fallback, "every client needs a fallback");
        T remote = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient(serviceId)))
                .build()
                .createClient(api);
        Guard guard = new Guard(
                circuitBreakers.circuitBreaker(serviceId, circuitBreakerConfig()),
                retries.retry(serviceId, retryConfig()),
                bulkheads.bulkhead(serviceId, bulkheadConfig()));
        return api.cast(Proxy.newProxyInstance(
                api.getClassLoader(), new Class<?>[] {api}, new GuardedInvocation(serviceId, remote, fallback, guard)));
    }

    private RestClient restClient(String serviceId) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        var requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(settings.readTimeout());
        return builders.getObject()
                .baseUrl("http://" + serviceId)
                .requestFactory(requestFactory)
                .requestInterceptor(forwardCallerHeaders())
                .requestInterceptor(new LoadBalancerInterceptor(loadBalancer))
                .build();
    }

    private static ClientHttpRequestInterceptor forwardCallerHeaders() {
        return (request, body, execution) -> {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                String authorization = attributes.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
                if (authorization != null && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
                    request.getHeaders().set(HttpHeaders.AUTHORIZATION, authorization);
                }
            }
            String correlationId = CorrelationIdFilter.current();
            if (correlationId != null) {
                request.getHeaders().set(CorrelationIdFilter.HEADER, correlationId);
            }
            return execution.execute(request, body);
        };
    }

    private CircuitBreakerConfig circuitBreakerConfig() {
        return CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(settings.failureRateThreshold())
                .slowCallDurationThreshold(settings.readTimeout())
                .waitDurationInOpenState(settings.openStateWait())
                .permittedNumberOfCallsInHalfOpenState(3)
                // A 4xx is the caller's problem, and a full bulkhead is this client's own back-pressure: neither says
                // the
                // target is unhealthy, so neither may open the circuit (a burst of concurrent calls would otherwise
                // cut off every caller for the open-state wait).
                .ignoreExceptions(HttpClientErrorException.class, BulkheadFullException.class)
                .build();
    }

    private RetryConfig retryConfig() {
        return RetryConfig.custom()
                .maxAttempts(Math.max(1, settings.connectAttempts()))
                .waitDuration(Duration.ofMillis(50))
                .retryOnException(ResilientClients::connectionRefused)
                .build();
    }

    private BulkheadConfig bulkheadConfig() {
        return BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(Duration.ofMillis(20))
                .build();
    }

    /** True when no instance accepted the connection, so another instance may serve the same call. */
    static boolean connectionRefused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private record Guard(CircuitBreaker circuitBreaker, Retry retry, Bulkhead bulkhead) {
        <R> R call(Supplier<R> call) {
            // The breaker sees a call's outcome after its retries, so one dead instance among healthy ones
            // does not open the circuit for the whole service.
            return circuitBreaker.executeSupplier(() -> retry.executeSupplier(() -> bulkhead.executeSupplier(call)));
        }
    }

    private record GuardedInvocation<T>(String serviceId, T remote, T fallback, Guard guard)
            implements InvocationHandler {

        @Override
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> args != null && proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "ResilientClient[" + serviceId + "]";
                };
            }
            method.trySetAccessible();
            try {
                return guard.call(() -> invokeOn(remote, method, args));
            } catch (HttpClientErrorException rejected) {
                throw rejected;
            } catch (RuntimeException failure) {
                log.warn("call {}.{} failed ({}); using fallback", serviceId, method.getName(), failure.toString());
                try {
                    return method.invoke(fallback, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }

        private static @Nullable Object invokeOn(Object target, Method method, @Nullable Object[] args) {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
