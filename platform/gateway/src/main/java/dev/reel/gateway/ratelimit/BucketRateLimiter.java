package dev.reel.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A {@link RateLimiter} with one in-memory Bucket4j bucket per key, held in a Caffeine cache so
 * that memory stays bounded: at most {@code maxKeys} buckets, and a bucket idle for longer than
 * the policy's {@link RateLimitPolicy#timeToFull()} is dropped (it would be full again anyway, so
 * dropping it never lets a client exceed its budget). Under a flood of distinct keys beyond {@code
 * maxKeys}, the least recently used buckets are forgotten, which can only be lenient to them.
 *
 * <p>Budgets are per gateway instance; with N gateway instances a client's effective budget is up
 * to N times the policy.
 */
public final class BucketRateLimiter implements RateLimiter {

    private final RateLimitPolicy policy;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    private BucketRateLimiter(RateLimitPolicy policy, long maxKeys, TimeMeter clock) {
        if (maxKeys <= 0) {
            throw new IllegalArgumentException("maxKeys must be positive: " + maxKeys);
        }
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(policy.timeToFull())
                .ticker(clock::currentTimeNanos)
                .build();
    }

    /** A limiter on the system's monotonic clock. */
    public static BucketRateLimiter create(RateLimitPolicy policy, long maxKeys) {
        return new BucketRateLimiter(policy, maxKeys, TimeMeter.SYSTEM_NANOTIME);
    }

    /**
     * A limiter on a caller-supplied monotonic nanosecond clock, for tests.
     *
     * @param nanoClock must never go backwards
     */
    public static BucketRateLimiter create(RateLimitPolicy policy, long maxKeys, LongSupplier nanoClock) {
        return new BucketRateLimiter(policy, maxKeys, new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoClock.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        });
    }

    public RateLimitPolicy policy() {
        return policy;
    }

    @Override
    public RateLimitDecision tryAcquire(String key) {
        Bucket bucket = buckets.get(key, ignored -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? RateLimitDecision.allow(probe.getRemainingTokens())
                : RateLimitDecision.reject(probe.getNanosToWaitForRefill());
    }

    /** Buckets currently held; for tests and metrics. */
    public long trackedKeys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(policy.toBandwidth())
                .withCustomTimePrecision(clock)
                .build();
    }
}
