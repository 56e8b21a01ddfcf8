package dev.reel.edge.steering;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What steering asks one appliance to hold, as its report's answer carries it. The appliance
 * applies a plan once (see {@link SteeringReporter}) and then reports its id as {@code
 * appliedPlanId}.
 *
 * @param planId the plan's id
 * @param fetch title versions to fill completely from origin, ahead of demand
 * @param drop titles whose cached objects are deleted
 * @param pinned titles the cache must not evict until the next plan
 */
public record FillPlan(String planId, List<TitleVersion> fetch, List<String> drop, List<String> pinned) {

    /** Treats missing lists as empty and copies them. */
    public FillPlan(
            String planId,
            @Nullable List<TitleVersion> fetch,
            @Nullable List<String> drop,
            @Nullable List<String> pinned) {
        this.planId = Objects.requireNonNull(planId, "planId");
        this.fetch = fetch == null ? List.of() : List.copyOf(fetch);
        this.drop = drop == null ? List.of() : List.copyOf(drop);
        this.pinned = pinned == null ? List.of() : List.copyOf(pinned);
    }

    /**
     * One version of a title.
     *
     * @param titleId the origin title id
     * @param version the origin version id
     */
    public record TitleVersion(String titleId, String version) {}
}
