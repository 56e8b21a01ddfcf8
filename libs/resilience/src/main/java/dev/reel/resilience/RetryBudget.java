package dev.reel.resilience;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Bounds how many retries a client may add on top of its own requests, so that an overloaded service sheds load
 * instead of receiving it again and again (a retry storm). Each request deposits {@code ratio} of a token and each
 * retry withdraws a whole one; a small reserve of {@code minPerSecond} retries refills every second so that a client
 * with little traffic can still retry. With ratio 0.1, retries add at most 10 % to the load however bad things get.
 *
 * <p>Thread-safe. Call {@link #onRequest()} for every first attempt and {@link #tryRetry()} before every retry; do not
 * retry when it answers false.
 */
public final class RetryBudget {

    private static final long TOKEN = 1000;

    private final long deposit;
    private final int minPerSecond;
    private final long maxBalance;
    private final LongSupplier nanoClock;
    private long balance;
    private int reserve;
    private long reserveRefilledAt;

    /**
     * @param ratio retries allowed per request, in (0, 1]
     * @param minPerSecond retries allowed per second whatever the traffic, at least 0
     */
    public RetryBudget(double ratio, int minPerSecond) {
        this(ratio, minPerSecond, System::nanoTime);
    }

    RetryBudget(double ratio, int minPerSecond, LongSupplier nanoClock) {
        if (!(ratio > 0 && ratio <= 1) || minPerSecond < 0) {
            throw new IllegalArgumentException("need 0 < ratio <= 1 and minPerSecond >= 0");
        }
        this.deposit = Math.round(ratio * TOKEN);
        this.minPerSecond = minPerSecond;
        this.maxBalance = Math.max(10, Math.round(100 * ratio)) * TOKEN;
        this.nanoClock = nanoClock;
        this.reserve = minPerSecond;
        this.reserveRefilledAt = nanoClock.getAsLong();
    }

    /** Records a first attempt, which earns {@code ratio} of a retry. */
    public synchronized void onRequest() {
        balance = Math.min(maxBalance, balance + deposit);
    }

    /** Takes one retry from the budget; false means the caller must give up instead of retrying. */
    public synchronized boolean tryRetry() {
        long now = nanoClock.getAsLong();
        if (now - reserveRefilledAt >= 1_000_000_000L) {
            reserve = minPerSecond;
            reserveRefilledAt = now;
        }
        if (reserve >= 1) {
            reserve -= 1;
            return true;
        }
        if (balance >= TOKEN) {
            balance -= TOKEN;
            return true;
        }
        return false;
    }

    /**
     * The wait before retry number {@code attempt} (1 for the first retry): the server's {@code Retry-After} when it
     * gave one (capped at {@code max}), else a random wait between half and all of {@code base × 2^(attempt-1)}, capped
     * at {@code max} (jitter, so that clients shed together do not come back together).
     */
    public static Duration backoff(int attempt, Duration base, Duration max, @Nullable Duration retryAfter) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1: " + attempt);
        }
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(max) > 0 ? max : retryAfter;
        }
        long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }
}
