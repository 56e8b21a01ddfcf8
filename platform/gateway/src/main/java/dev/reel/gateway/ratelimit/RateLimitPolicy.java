package dev.reel.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import java.time.Duration;
import java.util.Objects;

/**
 * An immutable token-bucket budget: a client may send up to {@link #capacity()} requests at once
 * (the burst) and gains {@link #refillTokens()} more per {@link #refillPeriod()}, refilled smoothly
 * ({@code 10} per minute means one every 6 s). Build with {@link #builder()}.
 */
public final class RateLimitPolicy {

    private final long capacity;
    private final long refillTokens;
    private final Duration refillPeriod;

    private RateLimitPolicy(Builder builder) {
        this.capacity = builder.capacity;
        this.refillTokens = builder.refillTokens;
        this.refillPeriod = Objects.requireNonNull(builder.refillPeriod, "refillPeriod");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The most requests a rested client may send at once. */
    public long capacity() {
        return capacity;
    }

    /** Requests regained per {@link #refillPeriod()}. */
    public long refillTokens() {
        return refillTokens;
    }

    public Duration refillPeriod() {
        return refillPeriod;
    }

    /**
     * How long an idle bucket takes to refill completely from empty. A bucket left alone that long
     * is full again, so forgetting it loses nothing.
     */
    public Duration timeToFull() {
        long periods = (capacity + refillTokens - 1) / refillTokens;
        return refillPeriod.multipliedBy(periods);
    }

    Bandwidth toBandwidth() {
        return Bandwidth.builder()
                .capacity(capacity)
                .refillGreedy(refillTokens, refillPeriod)
                .build();
    }

    @Override
    public String toString() {
        return "RateLimitPolicy[capacity=" + capacity + ", refill=" + refillTokens + "/" + refillPeriod + "]";
    }

    /** Validating builder; {@link #build()} throws {@link IllegalArgumentException} on bad values. */
    public static final class Builder {

        private long capacity;
        private long refillTokens;
        private Duration refillPeriod = Duration.ZERO;

        private Builder() {}

        /** The burst size; must be positive. */
        public Builder capacity(long capacity) {
            this.capacity = capacity;
            return this;
        }

        /** The sustained rate: {@code tokens} per {@code period}, both positive. */
        public Builder refill(long tokens, Duration period) {
            this.refillTokens = tokens;
            this.refillPeriod = Objects.requireNonNull(period, "period");
            return this;
        }

        public RateLimitPolicy build() {
            if (capacity <= 0) {
                throw new IllegalArgumentException("capacity must be positive: " + capacity);
            }
            if (refillTokens <= 0) {
                throw new IllegalArgumentException("refill tokens must be positive: " + refillTokens);
            }
            if (refillPeriod.isNegative() || refillPeriod.isZero()) {
                throw new IllegalArgumentException("refill period must be positive: " + refillPeriod);
            }
            return new RateLimitPolicy(this);
        }
    }
}
