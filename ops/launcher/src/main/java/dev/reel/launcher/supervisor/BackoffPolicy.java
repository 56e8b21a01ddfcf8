package dev.reel.launcher.supervisor;

import java.time.Duration;

/**
 * When to restart a crashed instance: after {@code initial}, doubling with each consecutive crash up to {@code max}.
 * A run that stayed healthy for at least {@code resetAfter} ends the streak, so its crash waits {@code initial} again.
 *
 * @param initial delay after the first crash of a streak
 * @param max the longest delay
 * @param resetAfter healthy time after which a crash no longer counts as part of the streak
 */
public record BackoffPolicy(Duration initial, Duration max, Duration resetAfter) {

    /** 1 s doubling to 30 s, reset after 60 s healthy. */
    public static final BackoffPolicy DEFAULT =
            new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));

    public BackoffPolicy {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || resetAfter.isNegative()) {
            throw new IllegalArgumentException("need 0 < initial <= max and resetAfter >= 0");
        }
    }

    /**
     * Returns the delay before restarting after the {@code streak}-th consecutive crash.
     *
     * @throws IllegalArgumentException if {@code streak < 1}
     */
    public Duration delay(int streak) {
        if (streak < 1) {
            throw new IllegalArgumentException("streak starts at 1: " + streak);
        }
        Duration delay = initial;
        for (int i = 1; i < streak && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Returns whether a run that was healthy for {@code healthyFor} resets the crash streak. */
    public boolean resets(Duration healthyFor) {
        return healthyFor.compareTo(resetAfter) >= 0;
    }
}
