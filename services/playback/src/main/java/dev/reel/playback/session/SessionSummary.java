package dev.reel.playback.session;

import java.time.Instant;
import java.util.UUID;

/**
 * A live session in lists and in the {@code too-many-streams} problem.
 *
 * @param deviceClass {@code tv}, {@code phone}, {@code tablet} or {@code desktop}
 */
public record SessionSummary(
        UUID sessionId,
        UUID titleId,
        String titleName,
        UUID profileId,
        String deviceClass,
        Instant startedAt,
        Instant expiresAt) {}
