package dev.reel.playback.profile.internal;

import java.util.UUID;

/** Answers for identity while it is failing, slow or behind an open circuit: "unknown", never an error. */
public final class ProfileApiFallback implements ProfileApi {

    /** The marker answer; compared by identity, it is never a real profile. */
    static final ProfileResponse UNAVAILABLE = new ProfileResponse(null, null, null);

    @Override
    public ProfileResponse profile(UUID id) {
        return UNAVAILABLE;
    }
}
