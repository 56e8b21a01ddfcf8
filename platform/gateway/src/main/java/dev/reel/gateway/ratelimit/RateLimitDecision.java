package dev.reel.gateway.ratelimit;

import java.time.Duration;

/**
 * The outcome of asking for one request's worth of budget.
 *
 * @param allowed whether the request may proceed
 * @param remaining requests left in the bucket after this one
 * @param retryAfter when {@code allowed} is {@code false}, how long until a request would be
 *     allowed, rounded up to whole seconds (at least one, as {@code Retry-After} needs); zero
 *     otherwise
 */
public record RateLimitDecision(boolean allowed, long remaining, Duration retryAfter) {

    /** The decision for a request no limit applies to. */
    public static final RateLimitDecision UNLIMITED = new RateLimitDecision(true, Long.MAX_VALUE, Duration.ZERO);

    static RateLimitDecision allow(long remaining) {
        return new RateLimitDecision(true, remaining, Duration.ZERO);
    }

    static RateLimitDecision reject(long nanosToWait) {
        long seconds = Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
        return new RateLimitDecision(false, 0, Duration.ofSeconds(seconds));
    }
}
