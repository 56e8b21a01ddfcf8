package dev.reel.identity.profile.internal;

import dev.reel.events.Maturity;
import dev.reel.kit.web.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * The rules of profiles, free of storage: maturity ceilings, how many profiles an account may have, and default
 * names. A kids profile never has a ceiling above {@link #KIDS_CEILING}; an adult profile defaults to
 * {@link #ADULT_CEILING} and may be lowered to anything.
 */
final class ProfileRules {

    static final Maturity KIDS_CEILING = Maturity.SEVEN_PLUS;
    static final Maturity ADULT_CEILING = Maturity.EIGHTEEN_PLUS;
    static final int NAME_MAX = 40;
    static final String DEFAULT_AVATAR = "default";
    static final String DEFAULT_LANGUAGE = "en";

    private ProfileRules() {}

    /**
     * The ceiling of a new profile.
     *
     * @param requested the client's choice, or null for the default
     * @throws ProblemException 422 when a kids profile asks for more than {@link #KIDS_CEILING}
     */
    static Maturity ceilingForNew(boolean kids, @Nullable Maturity requested) {
        if (requested == null) {
            return kids ? KIDS_CEILING : ADULT_CEILING;
        }
        return checked(kids, requested);
    }

    /**
     * The ceiling after an update. Becoming a kids profile lowers the current ceiling to {@link #KIDS_CEILING}
     * unless it is already lower; leaving kids mode keeps the current ceiling until the client raises it.
     *
     * @param kids the kids flag after the update
     * @param current the ceiling before the update
     * @param requested the client's new ceiling, or null to keep (or lower) the current one
     * @throws ProblemException 422 when a kids profile would end up above {@link #KIDS_CEILING}
     */
    static Maturity ceilingAfterUpdate(boolean kids, Maturity current, @Nullable Maturity requested) {
        if (requested != null) {
            return checked(kids, requested);
        }
        return kids && !current.allowedUnder(KIDS_CEILING) ? KIDS_CEILING : current;
    }

    /** @throws ProblemException 409 when the account already has {@code max} profiles */
    static void ensureRoomForAnother(int existing, int max) {
        if (existing >= max) {
            throw ProblemException.conflict("An account can have at most " + max + " profiles");
        }
    }

    /** @throws ProblemException 409 when {@code existing} is the last profile */
    static void ensureNotLast(int existing) {
        if (existing <= 1) {
            throw ProblemException.conflict("An account keeps at least one profile");
        }
    }

    /** The name of an account's first profile: its display name, trimmed to {@link #NAME_MAX} characters. */
    static String defaultName(String displayName) {
        String name = displayName.strip();
        if (name.isEmpty()) {
            name = "Me";
        }
        return name.length() > NAME_MAX ? name.substring(0, NAME_MAX).strip() : name;
    }

    /** Parses a label the request validation already accepted. */
    static @Nullable Maturity maturity(@Nullable String label) {
        if (label == null) {
            return null;
        }
        return Maturity.fromLabel(label)
                .orElseThrow(() -> ProblemException.badRequest("Unknown maturity rating: " + label));
    }

    private static Maturity checked(boolean kids, Maturity requested) {
        if (kids && !requested.allowedUnder(KIDS_CEILING)) {
            throw ProblemException.unprocessable(
                    "A kids profile's maturity ceiling cannot be above " + KIDS_CEILING.label());
        }
        return requested;
    }
}
