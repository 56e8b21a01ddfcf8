package dev.reel.steering.fill;

import java.util.List;

/**
 * Decides which titles each appliance holds. Implementations are pure functions of their input (no I/O, no clock),
 * immutable and thread-safe, so the service and {@code bench/fill} run the same code.
 */
public interface FillPlanner {

    /**
     * Plans every appliance.
     *
     * @param titles the catalog with each title's size and predicted demand; titles of size 0 or without demand are
     *     never fetched
     * @param appliances the fleet; each network's appliances share the demand of {@code titles}
     * @return one placement per appliance, in the given order; no placement exceeds its appliance's capacity
     * @throws IllegalArgumentException if a title or appliance id repeats
     */
    FillPlan plan(List<TitleDemand> titles, List<ApplianceSlot> appliances);
}
