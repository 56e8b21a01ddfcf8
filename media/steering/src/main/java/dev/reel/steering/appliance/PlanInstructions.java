package dev.reel.steering.appliance;

import java.util.List;

/**
 * What one appliance must do to match a fill plan, relative to what it last reported holding.
 *
 * @param planId the plan; the appliance reports it as {@code appliedPlanId} once applied
 * @param fetch title versions the plan places on it that it does not hold
 * @param drop titles it holds that the plan does not place on it
 * @param pinned titles its eviction policy must keep until the next plan
 */
public record PlanInstructions(String planId, List<FetchTitle> fetch, List<String> drop, List<String> pinned) {

    public PlanInstructions {
        fetch = List.copyOf(fetch);
        drop = List.copyOf(drop);
        pinned = List.copyOf(pinned);
    }
}
