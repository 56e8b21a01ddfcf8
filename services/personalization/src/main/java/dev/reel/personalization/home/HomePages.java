package dev.reel.personalization.home;

import dev.reel.kit.profile.ViewerProfile;
import org.jspecify.annotations.Nullable;

/** Builds home pages. */
public interface HomePages {

    /**
     * The profile's home page. Never fails because a dependency does: a row that fails or is late gets its fallback.
     *
     * @param profile a resolved profile of the caller
     * @param authorization the caller's {@code Authorization} header, forwarded to viewing
     */
    HomePage build(ViewerProfile profile, @Nullable String authorization);
}
