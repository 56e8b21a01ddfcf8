package dev.reel.gateway.filter.inbound;

import dev.reel.gateway.client.ClientAddressResolver;
import dev.reel.gateway.filter.FilterOrder;
import dev.reel.gateway.ratelimit.RateLimitDecision;
import dev.reel.gateway.ratelimit.RateLimitResponses;
import dev.reel.gateway.ratelimit.RateLimiters;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spends the client address's much smaller login budget ({@code rate-limits.login}) on requests to
 * {@code rate-limits.login-routes}, slowing down password guessing across accounts. Identity's own
 * per-account lockout complements it.
 */
@Component
public class LoginRateLimitFilter implements WebFilter, Ordered {

    private final RateLimiters limiters;
    private final ClientAddressResolver clientAddress;
    private final RateLimitResponses responses;

    public LoginRateLimitFilter(
            RateLimiters limiters, ClientAddressResolver clientAddress, RateLimitResponses responses) {
        this.limiters = limiters;
        this.clientAddress = clientAddress;
        this.responses = responses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!limiters.enabled()
                || !limiters.loginRoutes()
                        .matches(request.getMethod(), request.getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        RateLimitDecision decision = limiters.login().tryAcquire(clientAddress.resolve(request));
        return decision.allowed()
                ? chain.filter(exchange)
                : responses.tooManyRequests(exchange, decision, "Too many login attempts from this address.");
    }

    @Override
    public int getOrder() {
        return FilterOrder.LOGIN_RATE_LIMIT;
    }
}
