package dev.reel.playback.licence.internal;

import dev.reel.keystore.ContentKey;
import dev.reel.keystore.ContentKeyReader;
import dev.reel.kit.web.ProblemException;
import dev.reel.playback.licence.LicenceRequest;
import dev.reel.playback.licence.LicenceResponse;
import dev.reel.playback.licence.Licences;
import dev.reel.playback.session.LiveSession;
import dev.reel.playback.session.Sessions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * {@link Licences} from the content key store: only keys stored for the session's title ({@link
 * ContentKeyReader#forTitle}) are ever returned, so a session can never unlock another title, and only while the
 * session is live.
 */
@Service
class ClearKeyLicences implements Licences {

    private static final Logger log = LoggerFactory.getLogger(ClearKeyLicences.class);

    static final String TEMPORARY = "temporary";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Sessions sessions;
    private final ContentKeyReader keys;

    ClearKeyLicences(Sessions sessions, ContentKeyReader keys) {
        this.sessions = sessions;
        this.keys = keys;
    }

    @Override
    public LicenceResponse licence(UUID sessionId, LicenceRequest request) {
        if (request.type() != null && !TEMPORARY.equals(request.type())) {
            throw ProblemException.badRequest("Only 'temporary' ClearKey sessions are supported");
        }
        LiveSession session = sessions.requireLive(sessionId);
        Set<String> wanted = new LinkedHashSet<>();
        for (String kid : request.kids()) {
            wanted.add(HexFormat.of().formatHex(keyId(kid)));
        }
        List<ContentKey> titleKeys;
        try {
            titleKeys = keys.forTitle(session.titleId());
        } catch (IllegalStateException e) {
            log.error("content keys of title {} cannot be read", session.titleId(), e);
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE, "Key store unavailable", "Licences cannot be issued right now");
        }
        List<LicenceResponse.Key> granted = new ArrayList<>();
        for (ContentKey key : titleKeys) {
            if (wanted.contains(key.keyIdHex())) {
                granted.add(new LicenceResponse.Key(
                        "oct", ENCODER.encodeToString(key.keyId()), ENCODER.encodeToString(key.key())));
            }
        }
        log.info("licence for session {}: {} of {} requested keys granted", sessionId, granted.size(), wanted.size());
        return new LicenceResponse(granted, TEMPORARY);
    }

    private static byte[] keyId(String kid) {
        byte[] bytes;
        try {
            // Browsers send base64url without padding; accept padded and standard-alphabet ids as well.
            String normalised = kid.strip().replace('+', '-').replace('/', '_').replace("=", "");
            bytes = DECODER.decode(normalised);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Key id '" + kid + "' is not base64url");
        }
        if (bytes.length != ContentKey.LENGTH) {
            throw ProblemException.badRequest("Key id '" + kid + "' is not " + ContentKey.LENGTH + " bytes");
        }
        return bytes;
    }
}
