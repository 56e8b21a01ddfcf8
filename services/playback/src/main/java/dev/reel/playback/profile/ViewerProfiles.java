package dev.reel.playback.profile;

import java.util.UUID;

/** Looks up the profile a request plays for. Must be called on the request thread (it uses the caller's token). */
public interface ViewerProfiles {

    /**
     * The caller's profile. While identity is unavailable (down, slow, open circuit) the last answer seen for this
     * account and profile is used.
     *
     * @throws dev.reel.kit.web.ProblemException 404 when the profile does not exist or belongs to another account;
     *     503 when identity is unavailable and the profile was not seen recently
     */
    ViewerProfile resolve(UUID profileId);
}
