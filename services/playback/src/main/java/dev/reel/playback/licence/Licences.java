package dev.reel.playback.licence;

import java.util.UUID;

/** Issues ClearKey licences to the caller's live sessions. Must run on a request thread with an authenticated caller. */
public interface Licences {

    /**
     * The requested keys that belong to the session's title; a key id of another title or an unknown one is left out.
     *
     * @throws dev.reel.kit.web.ProblemException 404 unknown or another account's session; 410 {@code session-ended};
     *     400 a key id that is not 16 bytes of base64url, or a session type other than {@code temporary}; 503 the key
     *     store cannot be read
     */
    LicenceResponse licence(UUID sessionId, LicenceRequest request);
}
