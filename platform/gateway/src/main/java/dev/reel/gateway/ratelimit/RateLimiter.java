package dev.reel.gateway.ratelimit;

/**
 * Keeps one budget per client key (an address, an account) and spends it one request at a time.
 * Implementations are thread-safe and non-blocking, so they can be called on event-loop threads.
 */
public interface RateLimiter {

    /**
     * Takes one request from {@code key}'s budget if there is one.
     *
     * @param key identifies the client; any non-null string, compared by equality
     * @return whether the request is allowed, and if not, when to retry
     */
    RateLimitDecision tryAcquire(String key);
}
