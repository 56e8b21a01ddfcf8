package dev.reel.steering.fill;

import java.util.Optional;

/** Planning runs and their stored plans. */
public interface FillPlans {

    /**
     * Plans now from the current popularity, origin catalog and fleet, stores the plan and returns it. The next
     * report of each appliance carries its part.
     */
    PlanSummary planNow(PlanTrigger trigger);

    /** The latest stored plan. */
    Optional<PlanSummary> latest();
}
