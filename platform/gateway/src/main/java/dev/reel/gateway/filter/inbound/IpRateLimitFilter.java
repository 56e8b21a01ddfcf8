package dev.reel.gateway.filter.inbound;

import dev.reel.gateway.client.ClientAddressResolver;
import dev.reel.gateway.filter.FilterOrder;
import dev.reel.gateway.ratelimit.RateLimitDecision;
import dev.reel.gateway.ratelimit.RateLimitResponses;
import dev.reel.gateway.ratelimit.RateLimiters;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Spends one request of the client address's budget ({@code rate-limits.per-ip}) on every request. */
@Component
public class IpRateLimitFilter implements WebFilter, Ordered {

    private final RateLimiters limiters;
    private final ClientAddressResolver clientAddress;
    private final RateLimitResponses responses;

    public IpRateLimitFilter(RateLimiters limiters, ClientAddressResolver clientAddress, RateLimitResponses responses) {
        this.limiters = limiters;
        this.clientAddress = clientAddress;
        this.responses = responses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!limiters.enabled()) {
            return chain.filter(exchange);
        }
        RateLimitDecision decision = limiters.perIp().tryAcquire(clientAddress.resolve(exchange.getRequest()));
        return decision.allowed()
                ? chain.filter(exchange)
                : responses.tooManyRequests(exchange, decision, "Too many requests from this address.");
    }

    @Override
    public int getOrder() {
        return FilterOrder.IP_RATE_LIMIT;
    }
}
