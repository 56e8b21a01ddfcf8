package dev.reel.gateway.filter.inbound;

import com.netflix.concurrency.limits.Limiter;
import dev.reel.gateway.GatewayProperties;
import dev.reel.gateway.filter.FilterOrder;
import dev.reel.gateway.problem.ProblemWriter;
import dev.reel.gateway.shedding.RequestClassifier;
import dev.reel.gateway.shedding.SheddingConfiguration;
import dev.reel.resilience.Criticality;
import dev.reel.resilience.PriorityLimiter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Classifies every request ({@code reel.gateway.criticality}), stamps the class on it in {@code Reel-Criticality}
 * (replacing whatever the client sent) and admits it through the gateway's {@link PriorityLimiter}, which sheds best
 * effort first, then degraded, critical last. A shed request gets the platform's overload answer: 503 problem titled
 * "Service overloaded", {@code Retry-After: 1} and {@code Reel-Shed: <class>}.
 *
 * <p>An admitted request gives its slot back when the exchange ends: below 400 as a success (its latency feeds the
 * limit), a 4xx (also one the exception handler will write, such as an unknown path) or a cancelled request as
 * ignored, a 5xx or any other error as dropped. Unlimited requests (see {@link
 * RequestClassifier#limited}) are stamped but take no slot.
 */
@Component
public class LoadSheddingFilter implements WebFilter, Ordered {

    private static final String RETRY_AFTER_SECONDS = "1";

    /** The response header naming the class of a shed request. */
    public static final String SHED_HEADER = "Reel-Shed";

    private final RequestClassifier classifier;
    private final PriorityLimiter limiter;
    private final ProblemWriter problems;
    private final boolean enabled;

    public LoadSheddingFilter(
            RequestClassifier classifier,
            PriorityLimiter limiter,
            ProblemWriter problems,
            GatewayProperties properties) {
        this.classifier = classifier;
        this.limiter = limiter;
        this.problems = problems;
        this.enabled = properties.shedding().enabled();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        Criticality criticality = classifier.classify(method, path);
        ServerWebExchange stamped = exchange.mutate()
                .request(request -> request.headers(h -> h.set(Criticality.HEADER, criticality.label())))
                .build();
        if (!enabled || !classifier.limited(method, path)) {
            return chain.filter(stamped);
        }
        Optional<Limiter.Listener> admitted = limiter.acquire(criticality);
        if (admitted.isEmpty()) {
            return shed(stamped, criticality);
        }
        Release release = new Release(admitted.get());
        return chain.filter(stamped)
                .doOnSuccess(done -> release.answered(stamped.getResponse().getStatusCode()))
                .doOnError(release::failed)
                .doOnCancel(release::cancelled);
    }

    private Mono<Void> shed(ServerWebExchange exchange, Criticality criticality) {
        String detail = SheddingConfiguration.LIMITER + " is shedding " + criticality.label()
                + " requests under load; retry after " + RETRY_AFTER_SECONDS + " s";
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service overloaded", detail, headers -> {
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            headers.set(SHED_HEADER, criticality.label());
        });
    }

    @Override
    public int getOrder() {
        return FilterOrder.LOAD_SHEDDING;
    }

    /** Ends one admitted request exactly once. */
    private static final class Release {

        private final Limiter.Listener listener;
        private final AtomicBoolean ended = new AtomicBoolean();

        Release(Limiter.Listener listener) {
            this.listener = listener;
        }

        void answered(@Nullable HttpStatusCode status) {
            if (status == null || status.value() < 400) {
                end(Limiter.Listener::onSuccess);
            } else if (status.is4xxClientError()) {
                end(Limiter.Listener::onIgnore);
            } else {
                end(Limiter.Listener::onDropped);
            }
        }

        /** An error the exception handler will answer: a client error (no route, bad input) says nothing of load. */
        void failed(Throwable error) {
            boolean clientError = (error instanceof ResponseStatusException rse
                            && rse.getStatusCode().is4xxClientError())
                    || error instanceof AuthenticationException
                    || error instanceof AccessDeniedException;
            end(clientError ? Limiter.Listener::onIgnore : Limiter.Listener::onDropped);
        }

        void cancelled() {
            end(Limiter.Listener::onIgnore);
        }

        private void end(Consumer<Limiter.Listener> outcome) {
            if (ended.compareAndSet(false, true)) {
                outcome.accept(listener);
            }
        }
    }
}
