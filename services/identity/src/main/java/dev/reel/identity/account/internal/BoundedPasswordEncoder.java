package dev.reel.identity.account.internal;

import dev.reel.kit.web.ProblemException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A {@link PasswordEncoder} that runs at most a fixed number of hashes at once. With virtual threads every request
 * gets a thread, so without this bound a burst of logins would hash in parallel far beyond the cores available and
 * allocate Argon2's memory for each of them. Callers beyond the bound wait in arrival order.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore slots;
    private final Duration maxWait;

    /**
     * @param maxConcurrent hashes that may run at once, at least 1
     * @param maxWait how long a caller waits for a slot before a 503 problem
     */
    BoundedPasswordEncoder(PasswordEncoder delegate, int maxConcurrent, Duration maxWait) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
        }
        this.delegate = delegate;
        this.slots = new Semaphore(maxConcurrent, true);
        this.maxWait = maxWait;
    }

    /** @throws ProblemException 503 when no slot frees up within the wait */
    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        return bounded(() -> delegate.encode(rawPassword));
    }

    /** @throws ProblemException 503 when no slot frees up within the wait */
    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        return bounded(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private <T> T bounded(Supplier<T> hashing) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return hashing.get();
        } finally {
            slots.release();
        }
    }

    private static ProblemException busy() {
        ProblemException busy = new ProblemException(
                HttpStatus.SERVICE_UNAVAILABLE, "Busy", "Too many sign-ins at once; try again in a moment");
        busy.getHeaders().set("Retry-After", "1");
        return busy;
    }
}
