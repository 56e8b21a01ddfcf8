package dev.reel.gateway.filter.inbound;

import dev.reel.gateway.filter.FilterOrder;
import dev.reel.resilience.ChaosSigner;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Removes the headers only the gateway may set from every request, routed or not: {@code Reel-Chaos} (signed faults,
 * which a client could otherwise replay) and {@code Reel-Cohort}. {@code Reel-Criticality} is overwritten by {@link
 * LoadSheddingFilter}. What the gateway sends a service, and what its own fallbacks see, is therefore the gateway's
 * word alone.
 */
@Component
public class ReservedHeadersFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (!headers.containsHeader(ChaosSigner.HEADER) && !headers.containsHeader(ChaosSigner.COHORT_HEADER)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(h -> {
                    h.remove(ChaosSigner.HEADER);
                    h.remove(ChaosSigner.COHORT_HEADER);
                }))
                .build());
    }

    @Override
    public int getOrder() {
        return FilterOrder.RESERVED_HEADERS;
    }
}
