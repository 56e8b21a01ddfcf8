package dev.reel.steering.fill;

import dev.reel.steering.appliance.Tier;
import java.util.Map;
import java.util.Objects;

/**
 * One appliance as the planner sees it.
 *
 * @param id the appliance id
 * @param network the network it serves; appliances of one network share that network's demand
 * @param tier flash appliances take the densest titles first
 * @param capacityBytes its cache capacity
 * @param held what it holds now: title id → the version it holds in full, or {@link #NOT_IN_FULL} for a title of
 *     which it holds only part of a version (or an old or unversioned copy): such a title is fetched if placed, and
 *     dropped if not
 */
public record ApplianceSlot(String id, String network, Tier tier, long capacityBytes, Map<String, String> held) {

    /** The {@link #held} value of a title not held in full. */
    public static final String NOT_IN_FULL = "";

    public ApplianceSlot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(tier, "tier");
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("Appliance " + id + " has a negative capacity");
        }
        held = Map.copyOf(held);
    }
}
