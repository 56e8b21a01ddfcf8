package dev.reel.catalog.profile.internal;

import dev.reel.events.Maturity;
import org.jspecify.annotations.Nullable;

/** How profile answers turn into ceilings. Pure: no I/O, no clock. */
final class CeilingRules {

    /** A kids profile never sees above this, whatever its stored ceiling says. */
    static final Maturity KIDS_CEILING = Maturity.SEVEN_PLUS;

    private CeilingRules() {}

    /**
     * The ceiling of a profile identity returned: its own ceiling, capped at {@link #KIDS_CEILING} for kids profiles.
     * A missing or unknown label fails safe to {@code whenUnknown}.
     */
    static Maturity ceilingOf(ProfileResponse profile, Maturity whenUnknown) {
        Maturity ceiling = profile.maturityCeiling() == null
                ? whenUnknown
                : Maturity.fromLabel(profile.maturityCeiling()).orElse(whenUnknown);
        if (Boolean.TRUE.equals(profile.kids())) {
            return lower(ceiling, KIDS_CEILING);
        }
        return ceiling;
    }

    /** While identity is unavailable: the last ceiling seen for the profile, else {@code unavailable}. */
    static Maturity degraded(@Nullable Maturity lastKnown, Maturity unavailable) {
        return lastKnown != null ? lastKnown : unavailable;
    }

    static Maturity lower(Maturity a, Maturity b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
