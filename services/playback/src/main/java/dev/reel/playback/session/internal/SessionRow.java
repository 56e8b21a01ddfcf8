package dev.reel.playback.session.internal;

import dev.reel.playback.edge.EdgeTarget;
import dev.reel.playback.stream.Device;
import dev.reel.playback.stream.Rendition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code sessions}.
 *
 * @param episodeId the series episode the session plays, else null (the media is the title's either way)
 * @param durationMillis the title's media duration when the session started, 0 when the catalog did not say
 */
record SessionRow(
        UUID id,
        UUID accountId,
        UUID profileId,
        UUID titleId,
        String titleName,
        String originVersion,
        @Nullable UUID episodeId,
        long durationMillis,
        Device device,
        List<Rendition> renditions,
        List<EdgeTarget> edges,
        Instant tokenExpiresAt,
        String clientAddress,
        @Nullable String idempotencyKey,
        SessionState state,
        Instant startedAt,
        Instant lastHeartbeatAt,
        Instant expiresAt,
        @Nullable Instant endedAt,
        long positionMillis) {

    SessionRow {
        renditions = List.copyOf(renditions);
        edges = List.copyOf(edges);
    }

    /** Live by state and not past its expiry: it holds a stream slot and may fetch manifests and licences. */
    boolean isLiveAt(Instant now) {
        return state == SessionState.LIVE && expiresAt.isAfter(now);
    }
}
