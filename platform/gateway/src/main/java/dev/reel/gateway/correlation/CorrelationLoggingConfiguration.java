package dev.reel.gateway.correlation;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the correlation id in the logging context (MDC). The {@code CorrelationIdFilter} writes the
 * id into the Reactor context; with {@code spring.reactor.context-propagation: auto} Reactor
 * restores registered thread locals around every operator, so log lines written anywhere in the
 * request's pipeline carry {@code correlationId}.
 */
@Configuration(proxyBeanMethods = false)
public class CorrelationLoggingConfiguration {

    public CorrelationLoggingConfiguration() {
        // Registering a key again replaces the accessor, so a second context (tests) is harmless.
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        CorrelationId.CONTEXT_KEY,
                        () -> MDC.get(CorrelationId.CONTEXT_KEY),
                        value -> MDC.put(CorrelationId.CONTEXT_KEY, value),
                        () -> MDC.remove(CorrelationId.CONTEXT_KEY));
    }
}
