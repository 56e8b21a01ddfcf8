package dev.reel.launcher.studio;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client waits between attempts after a transient failure: exponential from {@code initial}, capped at
 * {@code max}, for at most {@code attempts} consecutive failures.
 *
 * @param initial the first wait
 * @param max the longest wait
 * @param attempts how many consecutive failures are retried before giving up (at least 1)
 */
public record Backoff(Duration initial, Duration max, int attempts) {

    /** For a command a person waits on: 0.5 s doubling to 10 s, about two minutes in all. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), 16);

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.compareTo(initial) < 0 || attempts < 1) {
            throw new IllegalArgumentException("need 0 <= initial <= max and attempts >= 1");
        }
    }

    /** The wait after the {@code failure}-th consecutive failure (1-based). */
    public Duration delay(int failure) {
        long millis = initial.toMillis();
        for (int i = 1; i < failure && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** Whether the {@code failure}-th consecutive failure is still retried. */
    public boolean retries(int failure) {
        return failure <= attempts;
    }
}
