package dev.reel.kit.events;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Carries the W3C trace context across the outbox: {@link #current()} captures the {@code traceparent} of
 * the transaction that appends an event, and {@link #continueTrace} reopens it on the relay's thread, so the
 * Kafka record (whose {@code traceparent} header the template's observation writes) belongs to the same
 * trace as the request that caused it. Without a tracer or propagator both do nothing.
 */
final class OutboxTracing {

    static final String TRACEPARENT = "traceparent";

    private final ObjectProvider<Tracer> tracers;
    private final ObjectProvider<Propagator> propagators;

    OutboxTracing(ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
        this.tracers = tracers;
        this.propagators = propagators;
    }

    /** The {@code traceparent} of the span current on this thread, or null outside a trace. */
    @Nullable
    String current() {
        Tracer tracer = tracers.getIfAvailable();
        Propagator propagator = propagators.getIfAvailable();
        if (tracer == null || propagator == null) {
            return null;
        }
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Runs {@code action} inside a new span that is a child of {@code traceparent}; runs it as is when
     * {@code traceparent} is null or there is no tracer.
     */
    void continueTrace(@Nullable String traceparent, String spanName, Runnable action) {
        Tracer tracer = tracers.getIfAvailable();
        Propagator propagator = propagators.getIfAvailable();
        if (traceparent == null || tracer == null || propagator == null) {
            action.run();
            return;
        }
        Span span = propagator
                .extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .name(spanName)
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            action.run();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
