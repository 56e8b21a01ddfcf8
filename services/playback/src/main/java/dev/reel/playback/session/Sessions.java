package dev.reel.playback.session;

import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Playback sessions of the calling account. Every method must run on a request thread with an authenticated caller;
 * a session of another account is a 404, exactly like one that does not exist.
 */
public interface Sessions {

    /**
     * Starts a session, or returns the one an earlier start with the same idempotency key made.
     *
     * @param headerDeviceClass the gateway's {@code X-Device-Class}, or null
     * @param clientAddress the client's IP address, for steering
     * @param idempotencyKey the {@code Idempotency-Key} header, or null
     * @throws dev.reel.kit.web.ProblemException 404 profile not the caller's, title unknown/unpublished, or an {@code
     *     episodeId} that is not one of the series' episodes (any {@code episodeId} for a movie); 403 {@code
     *     maturity-restricted}; 409 {@code title-not-playable}; 409 {@code too-many-streams}; 422 no rendition fits
     *     the device, or the idempotency key was used for another request; 503 identity or catalog unavailable with
     *     nothing cached
     */
    StartedSession start(
            StartSessionRequest request,
            @Nullable String headerDeviceClass,
            String clientAddress,
            @Nullable String idempotencyKey);

    /** One of the caller's sessions, in any state. */
    PlaybackSession get(UUID sessionId);

    /** The caller's live sessions, newest first. */
    Page<SessionSummary> live(PageRequest page);

    /**
     * Records a heartbeat and extends the session.
     *
     * @throws dev.reel.kit.web.ProblemException 410 {@code session-ended} when the session stopped or expired
     */
    HeartbeatResponse heartbeat(UUID sessionId, HeartbeatRequest request);

    /** Ends the session and frees its slot; stopping an ended session does nothing. */
    void stop(UUID sessionId, StopRequest request);

    /**
     * The session's HLS multivariant playlist.
     *
     * @throws dev.reel.kit.web.ProblemException 410 {@code session-ended} when the session is no longer live
     */
    String hlsManifest(UUID sessionId);

    /**
     * The session's DASH MPD.
     *
     * @throws dev.reel.kit.web.ProblemException 410 {@code session-ended} when the session is no longer live
     */
    String dashManifest(UUID sessionId);

    /**
     * The caller's session if it is live.
     *
     * @throws dev.reel.kit.web.ProblemException 404 unknown or another account's; 410 {@code session-ended}
     */
    LiveSession requireLive(UUID sessionId);
}
