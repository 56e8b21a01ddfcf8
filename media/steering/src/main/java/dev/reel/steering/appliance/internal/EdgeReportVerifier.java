package dev.reel.steering.appliance.internal;

import dev.reel.edgetoken.EdgeTokenKeys;
import dev.reel.edgetoken.EdgeTokenVerification;
import dev.reel.edgetoken.EdgeTokens;
import dev.reel.kit.web.ProblemException;
import dev.reel.steering.SteeringProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks the {@code Authorization: EdgeReport <token>} header of an appliance report: an edge token signed with one of
 * the edge token keys, for path {@code /cdn/reports/<applianceId>}, not expired.
 *
 * <p>The keys file is re-read whenever its modification time changes, so a rotation needs no restart. A missing or
 * unreadable file rejects every report (logged once per change) instead of failing the service.
 */
@Component
public class EdgeReportVerifier {

    /** The authorization scheme of appliance reports. */
    public static final String SCHEME = "EdgeReport";

    private static final Logger log = LoggerFactory.getLogger(EdgeReportVerifier.class);

    private final Path keysFile;
    private final Clock clock;
    private volatile Keys keys = new Keys(null, Map.of());

    private record Keys(@Nullable FileTime modified, Map<String, byte[]> secrets) {}

    EdgeReportVerifier(SteeringProperties properties, Clock clock) {
        this.keysFile = properties.edgeTokenKeys();
        this.clock = clock;
    }

    /**
     * Verifies the header for a report of {@code applianceId}.
     *
     * @throws ProblemException 401 when the header is missing, of another scheme, or its token does not verify
     */
    public void verify(@Nullable String authorization, String applianceId) {
        String prefix = SCHEME + " ";
        if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw unauthorized("An appliance report needs an 'Authorization: EdgeReport <token>' header");
        }
        String token = authorization.substring(prefix.length()).strip();
        EdgeTokenVerification verification =
                EdgeTokens.verify(secrets(), token, "/cdn/reports/" + applianceId, clock.instant());
        if (!verification.isValid()) {
            log.warn("rejected a report for appliance {}: {}", applianceId, verification.outcome());
            throw unauthorized("The report token is not valid for appliance " + applianceId);
        }
    }

    private Map<String, byte[]> secrets() {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(keysFile);
        } catch (NoSuchFileException e) {
            modified = null;
        } catch (IOException e) {
            modified = null;
        }
        Keys current = keys;
        if (Objects.equals(current.modified(), modified)
                && (modified != null || current.secrets().isEmpty())) {
            return current.secrets();
        }
        synchronized (this) {
            current = keys;
            if (modified != null && modified.equals(current.modified())) {
                return current.secrets();
            }
            Map<String, byte[]> secrets;
            try {
                secrets = modified == null ? Map.of() : EdgeTokenKeys.read(keysFile);
            } catch (IOException e) {
                log.error("cannot read the edge token keys, rejecting every appliance report: {}", e.getMessage());
                secrets = Map.of();
            }
            if (modified == null) {
                log.error("edge token keys file {} does not exist, rejecting every appliance report", keysFile);
            }
            keys = new Keys(modified, secrets);
            return secrets;
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }
}
