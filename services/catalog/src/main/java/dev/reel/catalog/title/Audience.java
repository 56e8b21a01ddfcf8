package dev.reel.catalog.title;

import dev.reel.events.Maturity;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is asking, as far as visibility goes: admins also see drafts, and nobody sees a title above the ceiling of
 * the profile they act for.
 *
 * @param admin whether the caller holds the admin role
 * @param ceiling the most mature rating the caller's profile may see
 */
public record Audience(boolean admin, Maturity ceiling) {

    /** Whether a title in {@code state} rated {@code maturity} is visible to this audience. */
    public boolean sees(TitleState state, Maturity maturity) {
        return (admin || state == TitleState.PUBLISHED) && allows(maturity);
    }

    /** Whether {@code maturity} is at or below the ceiling. */
    public boolean allows(Maturity maturity) {
        return maturity.compareTo(ceiling) <= 0;
    }

    /** Every rating at or below the ceiling. */
    public Set<Maturity> visibleMaturities() {
        return Arrays.stream(Maturity.values())
                .filter(this::allows)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Maturity.class)));
    }
}
