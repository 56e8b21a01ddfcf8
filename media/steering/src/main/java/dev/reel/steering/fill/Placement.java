package dev.reel.steering.fill;

import dev.reel.steering.appliance.FetchTitle;
import dev.reel.steering.appliance.Tier;
import java.util.List;

/**
 * A plan's part for one appliance.
 *
 * @param applianceId the appliance
 * @param network its network
 * @param tier its tier
 * @param capacityBytes its capacity
 * @param titles the title versions it should hold, densest first
 * @param bytes their total size, at most {@code capacityBytes}
 * @param predictedByteHitRatio the share of its network's predicted bytes these titles answer
 * @param fetch the placed versions it did not hold when planned
 * @param drop the titles it held that are not placed on it
 * @param pinned the titles its eviction policy must keep (flash appliances only)
 */
public record Placement(
        String applianceId,
        String network,
        Tier tier,
        long capacityBytes,
        List<PlacedTitle> titles,
        long bytes,
        double predictedByteHitRatio,
        List<FetchTitle> fetch,
        List<String> drop,
        List<String> pinned) {

    public Placement {
        titles = List.copyOf(titles);
        fetch = List.copyOf(fetch);
        drop = List.copyOf(drop);
        pinned = List.copyOf(pinned);
    }
}
