package dev.reel.identity.profile;

import java.util.List;
import java.util.UUID;

/**
 * Profiles of one account. Every method takes the owning account: a profile of another account is reported as
 * missing (404), never as forbidden, so ids of other accounts' profiles cannot be probed.
 */
public interface Profiles {

    /** The account's profiles, oldest first. */
    List<ProfileView> list(UUID accountId);

    /** @throws dev.reel.kit.web.ProblemException 404 when the account has no such profile */
    ProfileView get(UUID accountId, UUID profileId);

    /**
     * @throws dev.reel.kit.web.ProblemException 409 when the account has the maximum number of profiles or one with
     *     this name; 422 when a kids profile asks for a ceiling above 7+
     */
    ProfileView create(UUID accountId, CreateProfileRequest request);

    /**
     * @throws dev.reel.kit.web.ProblemException 404 when the account has no such profile; 409 on a name clash; 422
     *     when a kids profile would get a ceiling above 7+
     */
    ProfileView update(UUID accountId, UUID profileId, UpdateProfileRequest request);

    /** @throws dev.reel.kit.web.ProblemException 404 when the account has no such profile; 409 for the last one */
    void delete(UUID accountId, UUID profileId);
}
