package dev.reel.playback.stream;

import java.util.List;
import java.util.UUID;

/**
 * The packaged media of a title version in the origin store, and the manifests one session gets. Versions are
 * immutable, so everything here depends only on its arguments.
 */
public interface Streams {

    /**
     * The video renditions of a version, in the order of its {@code master.m3u8}.
     *
     * @throws dev.reel.kit.web.ProblemException 409 {@code title-not-playable} when the origin holds no multivariant
     *     playlist for the version; 503 when the origin cannot be read
     */
    List<Rendition> renditions(UUID titleId, String originVersion);

    /**
     * The version's {@code master.m3u8} with only the variants (and I-frame playlists) {@code device} may play, every
     * relative URI made absolute on {@code baseUrl}.
     *
     * @param baseUrl the first edge's base URL for the session, ending with {@code /}
     * @throws dev.reel.kit.web.ProblemException as for {@link #renditions}
     */
    String hlsManifest(UUID titleId, String originVersion, Device device, String baseUrl);

    /**
     * The version's {@code manifest.mpd} without the video representations {@code device} may not play, and with one
     * {@code BaseURL} per edge, in order, as the first children of {@code MPD}.
     *
     * @param edges the session's edges, first choice first; each base URL ends with {@code /}
     * @throws dev.reel.kit.web.ProblemException as for {@link #renditions}
     */
    String dashManifest(UUID titleId, String originVersion, Device device, List<EdgeBase> edges);

    /**
     * One edge of a session as a DASH {@code BaseURL}.
     *
     * @param serviceLocation the edge's id, written as the {@code serviceLocation} attribute
     * @param baseUrl the absolute base URL, ending with {@code /}
     */
    record EdgeBase(String serviceLocation, String baseUrl) {}
}
