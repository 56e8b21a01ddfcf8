package dev.reel.kit.client;

import dev.reel.kit.KitProperties;
import dev.reel.kit.observability.CorrelationIdFilter;
import dev.reel.kit.shedding.LoadSheddingFilter;
import dev.reel.resilience.ChaosSigner;
import dev.reel.resilience.Criticality;
import dev.reel.resilience.RetryBudget;
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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
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
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Makes the only kind of client a Reel service uses to call another: a Spring HTTP interface whose
 * every call is resilient and has a fallback.
 *
 * <p>Each call is load-balanced over the target's instances from discovery (preferring the caller's
 * zone, skipping instances that just failed a connection), bounded by a connect and read timeout, limited by a
 * bulkhead, retried on another instance when one refuses the connection (or does not accept it in time) or sheds the
 * call (a 503 carrying {@value LoadSheddingFilter#SHED_HEADER}), and guarded by a circuit breaker per target service.
 * A read ({@code GET}) is also retried when its connection broke before the answer came (the instance died mid-call),
 * never after a read timeout. Every retry of a call that reached an instance must pass the target's {@link
 * RetryBudget} ({@code reel.kit.clients.retry-budget-*}: 10 % of the calls plus 5 a second by default), so that
 * retries never multiply the load on an overloaded service; a call the budget refuses fails with its answer,
 * counted in {@code reel.client.retry.budget.exhausted}. A retry after a connection that was never made needs no
 * budget: nothing reached any instance, so the retry is the call's only load (this keeps a killed instance invisible
 * to callers whatever the traffic). When the call still
 * fails (a 5xx, an I/O error or timeout, an open circuit or a full bulkhead), the same method of the
 * fallback answers instead, so a slow or broken dependency degrades a response and never fails it. A
 * 4xx answer is the callee's verdict on the request, not a failure: it propagates as {@link
 * HttpClientErrorException} and does not count against the circuit.
 *
 * <p>The caller's {@code Authorization}, {@value Criticality#HEADER}, {@value ChaosSigner#HEADER} (every value),
 * {@value ChaosSigner#COHORT_HEADER} and correlation id headers travel with every call made while serving a request:
 * on the request's own thread, and on another thread when the work handed to it was wrapped with {@link
 * #withCallerHeaders}. Resilience4j's metrics for every client are published to Prometheus.
 */
public final class ResilientClients {

    private static final Logger log = LoggerFactory.getLogger(ResilientClients.class);
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_RETRY_BACKOFF = Duration.ofMillis(500);
    private static final String[] FORWARDED = {
        HttpHeaders.AUTHORIZATION, Criticality.HEADER, ChaosSigner.HEADER, ChaosSigner.COHORT_HEADER
    };

    /** The caller's headers captured by {@link #withCallerHeaders}, on the thread running the wrapped task. */
    private static final ThreadLocal<CallerHeaders> HANDED_OVER = new ThreadLocal<>();

    private final ObjectProvider<RestClient.Builder> builders;
    private final LoadBalancerClient loadBalancer;
    private final CircuitBreakerRegistry circuitBreakers;
    private final BulkheadRegistry bulkheads;
    private final RetryRegistry retries;
    private final KitProperties.Clients settings;
    private final MeterRegistry meters;
    private final Map<String, RetryBudget> budgets = new ConcurrentHashMap<>();

    public ResilientClients(
            ObjectProvider<RestClient.Builder> builders,
            LoadBalancerClient loadBalancer,
            CircuitBreakerRegistry circuitBreakers,
            BulkheadRegistry bulkheads,
            RetryRegistry retries,
            KitProperties.Clients settings,
            MeterRegistry meters) {
        this.builders = builders;
        this.loadBalancer = loadBalancer;
        this.circuitBreakers = circuitBreakers;
        this.bulkheads = bulkheads;
        this.retries = retries;
        this.settings = settings;
        this.meters = meters;
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
                retries.retry(serviceId, retryConfig(settings.connectAttempts(), false)),
                retries.retry(serviceId + ".reads", retryConfig(settings.connectAttempts(), true)),
                bulkheads.bulkhead(serviceId, bulkheadConfig()),
                budgets.computeIfAbsent(
                        serviceId,
                        id -> new RetryBudget(settings.retryBudgetRatio(), settings.retryBudgetMinPerSecond())),
                Counter.builder("reel.client.retry.budget.exhausted")
                        .tag("target", serviceId)
                        .description("Shed calls that failed without a retry because the retry budget was spent")
                        .register(meters));
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

    /**
     * {@code task}, to run on another thread (a pool or a virtual thread) with the forwarded headers of the request
     * being served now, so that its calls carry them as calls on the request's thread would. The headers are copied
     * now: the task may outlive the request. Outside a request the task runs with none.
     */
    public static <T> Callable<T> withCallerHeaders(Callable<T> task) {
        CallerHeaders captured = CallerHeaders.current();
        return () -> {
            CallerHeaders previous = HANDED_OVER.get();
            HANDED_OVER.set(captured);
            try {
                return task.call();
            } finally {
                if (previous == null) {
                    HANDED_OVER.remove();
                } else {
                    HANDED_OVER.set(previous);
                }
            }
        };
    }

    static ClientHttpRequestInterceptor forwardCallerHeaders() {
        return (request, body, execution) -> {
            CallerHeaders caller = HANDED_OVER.get();
            (caller == null ? CallerHeaders.current() : caller).applyTo(request.getHeaders());
            return execution.execute(request, body);
        };
    }

    /** What a call made for a request carries on: every value of each forwarded header, and the correlation id. */
    private record CallerHeaders(
            Map<String, List<String>> values, @Nullable String correlationId) {

        static CallerHeaders current() {
            Map<String, List<String>> values = new LinkedHashMap<>();
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                HttpServletRequest incoming = attributes.getRequest();
                for (String name : FORWARDED) {
                    Enumeration<String> found = incoming.getHeaders(name);
                    if (found != null && found.hasMoreElements()) {
                        values.put(name, Collections.list(found));
                    }
                }
            }
            return new CallerHeaders(values, CorrelationIdFilter.current());
        }

        /** Adds each header unless the call sets it itself. */
        void applyTo(HttpHeaders outgoing) {
            values.forEach((name, list) -> {
                if (!outgoing.containsHeader(name)) {
                    list.forEach(value -> outgoing.add(name, value));
                }
            });
            if (correlationId != null) {
                outgoing.set(CorrelationIdFilter.HEADER, correlationId);
            }
        }
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

    /**
     * Retries a refused or shed call, and with {@code reads} a broken one, up to {@code attempts} attempts in all,
     * after a short jittered backoff.
     */
    static RetryConfig retryConfig(int attempts, boolean reads) {
        return RetryConfig.custom()
                .maxAttempts(Math.max(1, attempts))
                // A retry goes to another instance, so the shed instance's Retry-After does not apply: back off
                // briefly, with jitter so that callers shed together do not come back together.
                .intervalBiFunction(
                        (attempt, outcome) -> RetryBudget.backoff(attempt, RETRY_BACKOFF, MAX_RETRY_BACKOFF, null)
                                .toMillis())
                .retryOnException(reads ? ResilientClients::retryableRead : ResilientClients::retryable)
                .build();
    }

    private BulkheadConfig bulkheadConfig() {
        return BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(Duration.ofMillis(20))
                .build();
    }

    /** True when another instance may serve the same call: the connection was refused or the call was shed. */
    static boolean retryable(Throwable failure) {
        return connectionRefused(failure) || shed(failure);
    }

    /**
     * True when another instance may serve the same read: as {@link #retryable}, or the connection broke before the
     * answer came. A read that timed out is not retried: the instance is alive but slow, and a retry would double the
     * wait (the circuit breaker deals with slow targets).
     */
    static boolean retryableRead(Throwable failure) {
        if (retryable(failure)) {
            return true;
        }
        boolean broken = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return false;
            }
            broken |= cause instanceof IOException;
        }
        return broken;
    }

    /** True when the callee answered that it shed the call (503 with {@value LoadSheddingFilter#SHED_HEADER}). */
    static boolean shed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpServerErrorException answer
                    && answer.getStatusCode().value() == 503
                    && answer.getResponseHeaders() != null
                    && answer.getResponseHeaders().containsHeader(LoadSheddingFilter.SHED_HEADER)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when no instance accepted the connection (refused, or not accepted within the connect timeout), so nothing
     * reached any instance and another may serve the same call.
     */
    static boolean connectionRefused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs one call as {@code CircuitBreaker(Retry(Bulkhead(call)))}, every retry of a call that reached an instance
     * paid for. {@code retry} serves calls that may have changed something, {@code readRetry} reads.
     */
    record Guard(
            CircuitBreaker circuitBreaker,
            Retry retry,
            Retry readRetry,
            Bulkhead bulkhead,
            RetryBudget budget,
            Counter budgetExhausted) {

        <R> R call(Supplier<R> call, boolean read) {
            // The breaker sees a call's outcome after its retries, so one dead instance among healthy ones
            // does not open the circuit for the whole service.
            return circuitBreaker.executeSupplier(
                    () -> withRetries(read ? readRetry : retry, () -> bulkhead.executeSupplier(call)));
        }

        private <R> R withRetries(Retry retry, Supplier<R> attempt) {
            budget.onRequest();
            Retry.Context<R> context = retry.context();
            RetryConfig config = retry.getRetryConfig();
            for (int attempts = 1; ; attempts++) {
                R result;
                try {
                    result = attempt.get();
                } catch (RuntimeException failure) {
                    // A refused connection put no load anywhere; any other retry does, so it needs the budget.
                    if (attempts < config.getMaxAttempts()
                            && !connectionRefused(failure)
                            && config.getExceptionPredicate().test(failure)
                            && !budget.tryRetry()) {
                        budgetExhausted.increment();
                        throw failure;
                    }
                    // Rethrows unless the failure is retryable and attempts are left; then waits the backoff.
                    context.onRuntimeError(failure);
                    continue;
                }
                context.onComplete();
                return result;
            }
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
                return guard.call(() -> invokeOn(remote, method, args), method.isAnnotationPresent(GetExchange.class));
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
