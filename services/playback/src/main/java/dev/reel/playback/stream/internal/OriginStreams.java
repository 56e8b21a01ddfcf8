package dev.reel.playback.stream.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.reel.origin.OriginObject;
import dev.reel.origin.OriginStore;
import dev.reel.playback.stream.Device;
import dev.reel.playback.stream.Rendition;
import dev.reel.playback.stream.StreamProblems;
import dev.reel.playback.stream.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@link Streams} over the origin store, always reading the pinned version ({@link OriginStore#open(String, String,
 * String)}), never the current pointer, so a session's manifests stay on the version it started with. Versions are
 * immutable, so the manifest texts read are kept in a small bounded cache: a play or a manifest request of a popular
 * title reads no file.
 */
@Service
class OriginStreams implements Streams {

    private static final Logger log = LoggerFactory.getLogger(OriginStreams.class);

    /** The encoder's multivariant playlist and MPD names at the root of a version. */
    static final String MASTER = "master.m3u8";

    static final String MPD = "manifest.mpd";

    /** Manifests are small; anything larger is not one of ours. */
    private static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

    /** Manifest texts kept, by (title, version, path); a few hundred popular titles fit in a few megabytes. */
    private static final int CACHED_MANIFESTS = 512;

    private final OriginStore origin;
    private final Cache<ManifestKey, String> manifests = Caffeine.newBuilder()
            .maximumSize(CACHED_MANIFESTS)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    private record ManifestKey(UUID titleId, String originVersion, String path) {}

    OriginStreams(OriginStore origin) {
        this.origin = origin;
    }

    @Override
    public List<Rendition> renditions(UUID titleId, String originVersion) {
        String master = read(titleId, originVersion, MASTER);
        try {
            return HlsMaster.renditions(master);
        } catch (IllegalArgumentException e) {
            throw StreamProblems.notPlayable(titleId, "its multivariant playlist is not valid");
        }
    }

    @Override
    public String hlsManifest(UUID titleId, String originVersion, Device device, String baseUrl) {
        String master = read(titleId, originVersion, MASTER);
        try {
            return HlsMaster.rewrite(master, device, baseUrl);
        } catch (IllegalArgumentException e) {
            log.warn("cannot rewrite {} of {}/{}: {}", MASTER, titleId, originVersion, e.getMessage());
            throw StreamProblems.notPlayable(titleId, "its multivariant playlist is not valid");
        }
    }

    @Override
    public String dashManifest(UUID titleId, String originVersion, Device device, List<EdgeBase> edges) {
        String mpd = read(titleId, originVersion, MPD);
        try {
            return DashManifests.rewrite(mpd, device, edges);
        } catch (IllegalArgumentException e) {
            log.warn("cannot rewrite {} of {}/{}: {}", MPD, titleId, originVersion, e.getMessage());
            throw StreamProblems.notPlayable(titleId, "its DASH manifest is not valid");
        }
    }

    private String read(UUID titleId, String originVersion, String path) {
        var key = new ManifestKey(titleId, originVersion, path);
        String cached = manifests.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        String text = readFromOrigin(titleId, originVersion, path);
        manifests.put(key, text);
        return text;
    }

    private String readFromOrigin(UUID titleId, String originVersion, String path) {
        Optional<OriginObject> object;
        try {
            object = origin.open(titleId.toString(), originVersion, path);
        } catch (IllegalArgumentException e) {
            throw StreamProblems.notPlayable(titleId, "its origin version '" + originVersion + "' is not valid");
        } catch (IOException e) {
            log.warn("origin read of {}/{}/{} failed", titleId, originVersion, path, e);
            throw StreamProblems.originUnavailable();
        }
        if (object.isEmpty()) {
            throw StreamProblems.notPlayable(titleId, "the origin holds no " + path + " for version " + originVersion);
        }
        try (InputStream in = object.get().openStream()) {
            byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw StreamProblems.notPlayable(titleId, path + " is too large");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("origin read of {}/{}/{} failed", titleId, originVersion, path, e);
            throw StreamProblems.originUnavailable();
        }
    }
}
