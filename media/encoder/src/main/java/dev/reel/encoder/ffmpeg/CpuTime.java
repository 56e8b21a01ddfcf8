package dev.reel.encoder.ffmpeg;

import java.time.Duration;
import java.util.Objects;

/**
 * CPU time a process used, summed over all its threads.
 *
 * @param user time in user mode
 * @param system time in the kernel on the process's behalf
 */
public record CpuTime(Duration user, Duration system) {

    /** No CPU time. */
    public static final CpuTime ZERO = new CpuTime(Duration.ZERO, Duration.ZERO);

    public CpuTime {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(system, "system");
        if (user.isNegative() || system.isNegative()) {
            throw new IllegalArgumentException("CPU time must not be negative: " + user + ", " + system);
        }
    }

    /** User plus system time. */
    public Duration total() {
        return user.plus(system);
    }

    /** The sum of this and {@code other}. */
    public CpuTime plus(CpuTime other) {
        return new CpuTime(user.plus(other.user), system.plus(other.system));
    }
}
