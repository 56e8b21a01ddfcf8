package dev.reel.playback.edge.internal;

import dev.reel.edgetoken.EdgeTokenKeys;
import dev.reel.edgetoken.EdgeTokens;
import dev.reel.playback.PlaybackProperties;
import dev.reel.playback.edge.EdgeTarget;
import dev.reel.playback.edge.EdgeUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.SequencedMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@link EdgeUrls} signing with the first key of the shared edge token keys file. The file is read at start-up (a
 * missing or invalid file fails the start) and read again when its modification time changes, so a rotated key (a
 * new first line) is picked up without a restart. If a changed file cannot be read, the previous keys keep signing.
 */
@Service
class SignedEdgeUrls implements EdgeUrls {

    private static final Logger log = LoggerFactory.getLogger(SignedEdgeUrls.class);

    private final Path file;
    private volatile Keys keys;

    private record Keys(@Nullable FileTime modified, String kid, byte[] secret) {}

    SignedEdgeUrls(PlaybackProperties properties) {
        this.file = properties.edgeTokenKeys();
        try {
            this.keys = load(file);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot read the edge token keys " + file.toAbsolutePath()
                            + " (reel.playback.edge-token-keys; `reel up` creates it): " + e.getMessage(),
                    e);
        }
    }

    @Override
    public String sessionBaseUrl(
            EdgeTarget target, UUID titleId, String originVersion, UUID sessionId, Instant expiry) {
        Keys signing = current();
        String prefix = "/v/" + titleId + "/" + originVersion;
        String token = EdgeTokens.sign(signing.kid(), signing.secret(), prefix, expiry, sessionId.toString());
        return target.baseUrl() + "/s/" + token + prefix + "/";
    }

    private Keys current() {
        Keys loaded = keys;
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(loaded.modified())) {
                loaded = load(file);
                keys = loaded;
                log.info("edge token keys reloaded from {}; signing with {}", file, loaded.kid());
            }
        } catch (IOException e) {
            log.warn(
                    "edge token keys {} cannot be read again ({}); still signing with {}",
                    file,
                    e.getMessage(),
                    loaded.kid());
        }
        return loaded;
    }

    private static Keys load(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        SequencedMap<String, byte[]> all = EdgeTokenKeys.read(file);
        Map.Entry<String, byte[]> signing = EdgeTokenKeys.signing(all);
        return new Keys(modified, signing.getKey(), signing.getValue());
    }
}
