package dev.reel.playback.edge;

import java.time.Instant;
import java.util.UUID;

/** Signs the per-session base URLs of edges. */
public interface EdgeUrls {

    /**
     * The base URL a session uses on {@code target}: {@code {target}/s/{token}/v/{titleId}/{originVersion}/}, where
     * the token opens exactly {@code /v/{titleId}/{originVersion}} until {@code expiry} for {@code sessionId}. The
     * token is deterministic for its inputs and the signing key, so the same session gets the same URL every time.
     *
     * @param expiry when the token stops being valid; truncated to whole seconds
     * @throws IllegalStateException when the edge token keys cannot be read
     */
    String sessionBaseUrl(EdgeTarget target, UUID titleId, String originVersion, UUID sessionId, Instant expiry);
}
