package dev.reel.identity.auth.internal;

import dev.reel.identity.IdentityProperties;
import java.time.Duration;

/**
 * How long an email stays locked after consecutive failed logins. Below {@code maxFailures} nothing is locked; the
 * failure that reaches {@code maxFailures} locks for {@code initialLock}, and every further failure doubles the lock,
 * capped at {@code maxLock}. With the defaults (5, 1 min, 15 min): failures 5, 6, 7, 8, 9+ lock for 1, 2, 4, 8 and
 * 15 minutes.
 *
 * @param maxFailures consecutive failures that trigger the first lock, at least 1
 * @param initialLock the first lock, positive
 * @param maxLock the longest lock, at least {@code initialLock}
 */
record LockoutPolicy(int maxFailures, Duration initialLock, Duration maxLock) {

    LockoutPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1: " + maxFailures);
        }
        if (initialLock.isNegative() || initialLock.isZero()) {
            throw new IllegalArgumentException("initialLock must be positive: " + initialLock);
        }
        if (maxLock.compareTo(initialLock) < 0) {
            throw new IllegalArgumentException("maxLock " + maxLock + " is shorter than initialLock " + initialLock);
        }
    }

    static LockoutPolicy from(IdentityProperties.Lockout settings) {
        return new LockoutPolicy(settings.maxFailures(), settings.initialLock(), settings.maxLock());
    }

    /**
     * The lock that follows a failure.
     *
     * @param consecutiveFailures failures since the last successful login, this one included
     * @return how long to lock, {@link Duration#ZERO} for no lock
     */
    Duration lockAfter(int consecutiveFailures) {
        if (consecutiveFailures < maxFailures) {
            return Duration.ZERO;
        }
        int doublings = consecutiveFailures - maxFailures;
        Duration lock = initialLock;
        for (int i = 0; i < doublings && lock.compareTo(maxLock) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }
}
