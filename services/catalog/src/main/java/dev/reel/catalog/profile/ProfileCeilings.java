package dev.reel.catalog.profile;

import dev.reel.events.Maturity;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the profile a request acts for to the most mature rating it may see. The profile id is never trusted: it
 * is checked against the caller's account by asking identity, with the caller's own token.
 */
public interface ProfileCeilings {

    /** The request header naming the profile a request acts for. */
    String PROFILE_HEADER = "X-Profile-Id";

    /**
     * The ceiling for the current request. Must be called on the request thread (it reads the caller's
     * authentication).
     *
     * <ul>
     *   <li>no header (null or blank): the configured default ceiling;
     *   <li>identity knows the profile for this account: its ceiling (7+ at most for a kids profile), cached briefly;
     *   <li>identity is unavailable: the last ceiling seen for this profile, else the configured unavailable ceiling
     *       (7+), so an outage degrades to kids-safe content instead of failing.
     * </ul>
     *
     * @param profileHeader the raw {@value #PROFILE_HEADER} header value
     * @throws dev.reel.kit.web.ProblemException 400 when the header is not a UUID, 401 when there is a header but
     *     no authenticated caller, 404 when identity says the profile does not exist for this account
     */
    Maturity resolve(@Nullable String profileHeader);
}
