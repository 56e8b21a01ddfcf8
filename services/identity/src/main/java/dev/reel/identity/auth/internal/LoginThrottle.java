package dev.reel.identity.auth.internal;

import dev.reel.identity.IdentityProperties;
import dev.reel.kit.web.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Brute-force protection per account email, following {@link LockoutPolicy}. */
@Component
class LoginThrottle {

    private final LoginFailureRepository failures;
    private final LockoutPolicy policy;
    private final Clock clock;

    LoginThrottle(LoginFailureRepository failures, IdentityProperties properties, Clock clock) {
        this.failures = failures;
        this.policy = LockoutPolicy.from(properties.lockout());
        this.clock = clock;
    }

    /**
     * Refuses the attempt while {@code email} is locked.
     *
     * @throws ProblemException 429 with the remaining lock as retry-after
     */
    void ensureNotLocked(String email) {
        Instant now = clock.instant();
        failures.lockedUntil(key(email)).filter(now::isBefore).ifPresent(until -> {
            throw ProblemException.tooManyRequests(
                    "Too many failed logins for this account; try again later", retryAfter(now, until));
        });
    }

    /** Counts a failed attempt and locks the email when the policy says so. */
    void recordFailure(String email) {
        Instant now = clock.instant();
        int count = failures.recordFailure(key(email), now);
        Duration lock = policy.lockAfter(count);
        if (!lock.isZero()) {
            failures.lock(key(email), now.plus(lock));
        }
    }

    /** Forgets earlier failures after a successful login. */
    void recordSuccess(String email) {
        failures.reset(key(email));
    }

    /** Whole seconds, rounded up, so a client that waits that long is no longer locked. */
    static Duration retryAfter(Instant now, Instant lockedUntil) {
        Duration remaining = Duration.between(now, lockedUntil);
        long seconds = remaining.toSeconds() + (remaining.toNanosPart() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
