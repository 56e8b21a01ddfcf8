package dev.reel.gateway.ratelimit;

import dev.reel.gateway.GatewayProperties;
import dev.reel.gateway.GatewayProperties.Limit;
import dev.reel.gateway.RouteMatcher;
import org.springframework.stereotype.Component;

/**
 * The gateway's three limiters, built once from {@code reel.gateway.rate-limits}: per client
 * address, per account, and the tight per-address login budget.
 */
@Component
public class RateLimiters {

    private final boolean enabled;
    private final RateLimiter perIp;
    private final RateLimiter perAccount;
    private final RateLimiter login;
    private final RouteMatcher loginRoutes;

    public RateLimiters(GatewayProperties properties) {
        GatewayProperties.RateLimits limits = properties.rateLimits();
        this.enabled = limits.enabled();
        this.perIp = BucketRateLimiter.create(policy(limits.perIp()), limits.maxTrackedClients());
        this.perAccount = BucketRateLimiter.create(policy(limits.perAccount()), limits.maxTrackedClients());
        this.login = BucketRateLimiter.create(policy(limits.login()), limits.maxTrackedClients());
        this.loginRoutes = new RouteMatcher(limits.loginRoutes());
    }

    /** Converts configuration to a validated policy. */
    public static RateLimitPolicy policy(Limit limit) {
        return RateLimitPolicy.builder()
                .capacity(limit.capacity())
                .refill(limit.refillTokens(), limit.refillPeriod())
                .build();
    }

    public boolean enabled() {
        return enabled;
    }

    public RateLimiter perIp() {
        return perIp;
    }

    public RateLimiter perAccount() {
        return perAccount;
    }

    public RateLimiter login() {
        return login;
    }

    public RouteMatcher loginRoutes() {
        return loginRoutes;
    }
}
