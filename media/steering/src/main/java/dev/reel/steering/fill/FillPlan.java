package dev.reel.steering.fill;

import java.util.List;
import java.util.Optional;

/**
 * The planner's output: one placement per appliance, in the order the appliances were given.
 *
 * @param placements every appliance's placement
 */
public record FillPlan(List<Placement> placements) {

    public FillPlan {
        placements = List.copyOf(placements);
    }

    /** The placement of one appliance. */
    public Optional<Placement> placement(String applianceId) {
        return placements.stream()
                .filter(p -> p.applianceId().equals(applianceId))
                .findFirst();
    }
}
