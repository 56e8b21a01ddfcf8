package dev.reel.kit.profile;

import dev.reel.events.Maturity;
import java.util.UUID;

/**
 * A profile of the caller's account, as identity last described it.
 *
 * @param id the profile id
 * @param accountId the account that owns it: always the caller's
 * @param kids whether it is a kids profile
 * @param ceiling the most mature rating it may see ({@link ViewerProfiles#KIDS_CEILING} at most for a kids profile)
 */
public record ViewerProfile(UUID id, UUID accountId, boolean kids, Maturity ceiling) {}
