package dev.reel.gateway.filter.inbound;

import dev.reel.gateway.filter.FilterOrder;
import dev.reel.gateway.ratelimit.RateLimitDecision;
import dev.reel.gateway.ratelimit.RateLimitResponses;
import dev.reel.gateway.ratelimit.RateLimiters;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spends the account's budget ({@code rate-limits.per-account}, keyed by the token's {@code sub})
 * on authenticated requests, so one account cannot flood the platform from many addresses.
 * Requests without a valid token are not counted here.
 */
@Component
public class AccountRateLimitFilter implements WebFilter, Ordered {

    private final RateLimiters limiters;
    private final RateLimitResponses responses;

    public AccountRateLimitFilter(RateLimiters limiters, RateLimitResponses responses) {
        this.limiters = limiters;
        this.responses = responses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!limiters.enabled()) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> limiters.perAccount().tryAcquire(principal.getName()))
                .defaultIfEmpty(RateLimitDecision.UNLIMITED)
                .flatMap(decision -> decision.allowed()
                        ? chain.filter(exchange)
                        : responses.tooManyRequests(exchange, decision, "Too many requests for this account."));
    }

    @Override
    public int getOrder() {
        return FilterOrder.ACCOUNT_RATE_LIMIT;
    }
}
