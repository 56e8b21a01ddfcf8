package dev.reel.identity.profile.internal;

import dev.reel.events.Maturity;
import dev.reel.identity.profile.ProfileView;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code profiles}; stays inside the profile feature. */
record ProfileRow(
        UUID id,
        UUID accountId,
        String name,
        String avatar,
        String language,
        boolean kids,
        Maturity maturityCeiling,
        Instant createdAt) {

    ProfileView view() {
        return new ProfileView(id, name, avatar, language, kids, maturityCeiling.label());
    }
}
