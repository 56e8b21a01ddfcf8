package dev.reel.playback.session;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A live session in lists and in the {@code too-many-streams} problem.
 *
 * @param episodeId the episode the session plays, when it was started for one of a series' episodes
 * @param deviceClass {@code tv}, {@code phone}, {@code tablet} or {@code desktop}
 */
public record SessionSummary(
        UUID sessionId,
        UUID titleId,
        @Nullable UUID episodeId,
        String titleName,
        UUID profileId,
        String deviceClass,
        Instant startedAt,
        Instant expiresAt) {}
