package dev.reel.playback.profile;

import dev.reel.events.Maturity;
import java.util.UUID;

/**
 * A profile of the caller's account, as far as playback cares.
 *
 * @param id the profile id
 * @param kids whether it is a kids profile
 * @param ceiling the most mature rating it may watch (7+ at most for a kids profile)
 */
public record ViewerProfile(UUID id, boolean kids, Maturity ceiling) {}
