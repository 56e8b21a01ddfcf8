package dev.reel.playback.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A session as returned when it starts and by {@code GET /api/v1/playback/sessions/{id}}.
 *
 * @param episodeId the episode the session plays, when it was started for one of a series' episodes
 * @param state {@code LIVE}, {@code STOPPED} or {@code EXPIRED}
 * @param expiresAt when the session expires without another heartbeat
 * @param heartbeatInterval how often the client should send a heartbeat (ISO-8601 duration)
 * @param tokenExpiresAt when the edge tokens in {@code edges} stop being valid
 * @param manifests the session's own manifest URLs (relative to the API's origin)
 * @param edges where to fetch media from, first choice first, the origin last
 * @param licence where to ask for ClearKey keys
 * @param renditions the video renditions the device may play, lowest bandwidth first
 */
public record PlaybackSession(
        UUID sessionId,
        UUID titleId,
        @Nullable UUID episodeId,
        UUID profileId,
        String originVersion,
        String state,
        Instant expiresAt,
        String heartbeatInterval,
        Instant tokenExpiresAt,
        Manifests manifests,
        List<Edge> edges,
        Licence licence,
        List<RenditionView> renditions) {

    public PlaybackSession {
        edges = List.copyOf(edges);
        renditions = List.copyOf(renditions);
    }

    /** @param hls the HLS multivariant playlist; @param dash the DASH MPD */
    public record Manifests(String hls, String dash) {}

    /**
     * @param id the appliance id or {@code origin}
     * @param kind {@code APPLIANCE} or {@code ORIGIN}
     * @param baseUrl {@code {server}/s/{token}/v/{titleId}/{originVersion}/}; every object of the version is this plus
     *     its relative path
     */
    public record Edge(String id, String kind, String baseUrl) {}

    /** @param keySystem always {@code org.w3.clearkey} */
    public record Licence(String url, String keySystem) {}

    /** One allowed video rendition. */
    public record RenditionView(String id, int width, int height, String codec, long bandwidth) {}
}
