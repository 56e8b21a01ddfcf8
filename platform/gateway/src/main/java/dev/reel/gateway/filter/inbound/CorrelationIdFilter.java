package dev.reel.gateway.filter.inbound;

import dev.reel.gateway.correlation.CorrelationId;
import dev.reel.gateway.filter.FilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id: the client's {@code X-Correlation-Id} when well-formed,
 * otherwise a new UUID. The id replaces the header sent downstream, is echoed in the response,
 * stored as an exchange attribute (for problem bodies) and put in the Reactor context (for logs).
 */
@Component
public class CorrelationIdFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = CorrelationId.acceptOrGenerate(
                exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.set(CorrelationId.HEADER, id))
                .build();
        ServerWebExchange tagged = exchange.mutate().request(request).build();
        tagged.getAttributes().put(CorrelationId.ATTRIBUTE, id);
        tagged.getResponse().beforeCommit(() -> {
            tagged.getResponse().getHeaders().set(CorrelationId.HEADER, id);
            return Mono.empty();
        });
        return chain.filter(tagged).contextWrite(context -> context.put(CorrelationId.CONTEXT_KEY, id));
    }

    @Override
    public int getOrder() {
        return FilterOrder.CORRELATION_ID;
    }
}
