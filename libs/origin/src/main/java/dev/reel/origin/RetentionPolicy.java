package dev.reel.origin;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link OriginStore#collectGarbage(String)} keeps.
 *
 * @param keepPrevious how many of the most recently superseded versions stay readable besides the
 *     current one, so that readers pinned to a version (players mid-session, edges filling their
 *     cache) can finish; {@code 0} keeps only the current version
 * @param abandonedAfter how old a version that was never made current (a publish that crashed or
 *     is still running) must be before it is removed. It must exceed the longest publish, and it
 *     bounds how long an interrupted publish can be resumed.
 */
public record RetentionPolicy(int keepPrevious, Duration abandonedAfter) {

    /**
     * The largest {@code keepPrevious}: the pointer remembers this many superseded versions.
     * Older ones are treated like abandoned versions.
     */
    public static final int MAX_KEEP_PREVIOUS = 16;

    /** One previous version; abandoned uploads are removed after a day. */
    public static final RetentionPolicy DEFAULT = new RetentionPolicy(1, Duration.ofDays(1));

    /** Validates the components. */
    public RetentionPolicy {
        Objects.requireNonNull(abandonedAfter, "abandonedAfter");
        if (keepPrevious < 0 || keepPrevious > MAX_KEEP_PREVIOUS) {
            throw new IllegalArgumentException("keepPrevious must be between 0 and " + MAX_KEEP_PREVIOUS);
        }
        if (abandonedAfter.isNegative()) {
            throw new IllegalArgumentException("abandonedAfter must not be negative");
        }
    }
}
