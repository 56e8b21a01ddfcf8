package dev.reel.launcher.supervisor;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The crash streak of one instance under a {@link BackoffPolicy}. Thread-safe. */
public final class RestartBackoff {

    private final BackoffPolicy policy;
    private int streak;

    /** Creates a tracker with no crashes yet. */
    public RestartBackoff(BackoffPolicy policy) {
        this.policy = policy;
    }

    /**
     * Records a crash and returns how long to wait before restarting.
     *
     * @param healthySince when the run that crashed first reported healthy, or null if it never did
     * @param exitedAt when it crashed
     */
    public synchronized Duration onExit(@Nullable Instant healthySince, Instant exitedAt) {
        if (healthySince != null && policy.resets(Duration.between(healthySince, exitedAt))) {
            streak = 0;
        }
        streak++;
        return policy.delay(streak);
    }
}
