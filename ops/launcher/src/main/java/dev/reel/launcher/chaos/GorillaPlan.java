package dev.reel.launcher.chaos;

import dev.reel.launcher.state.RunState.InstanceState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What Chaos Gorilla takes down when a zone fails: every instance in the zone whose service also runs in another zone
 * (so the service survives on the other side). Instances of services that exist only in that zone are spared, with the
 * reason: locally those are the single-instance services (gateway, registry, config, steering, the edges), and losing
 * them is an outage the zone-aware design does not claim to survive.
 *
 * @param zone the failed zone
 * @param targets the instances to hold down and kill, in the order of the run state
 * @param spared the instances in the zone that are left running
 */
public record GorillaPlan(String zone, List<InstanceState> targets, List<Spared> spared) {

    /**
     * An instance in the failed zone that is left running.
     *
     * @param instance the instance
     * @param reason why, in words
     */
    public record Spared(InstanceState instance, String reason) {}

    public GorillaPlan {
        targets = List.copyOf(targets);
        spared = List.copyOf(spared);
    }

    /**
     * Plans the outage of {@code zone}.
     *
     * @param instances the instances of the running Reel ({@code state.json})
     * @throws IllegalArgumentException if no instance runs in {@code zone}, naming the zones that have some
     */
    public static GorillaPlan of(List<InstanceState> instances, String zone) {
        Set<String> zones = new LinkedHashSet<>();
        instances.forEach(instance -> zones.add(instance.zone()));
        if (!zones.contains(zone)) {
            throw new IllegalArgumentException(
                    "no instance runs in zone '" + zone + "'; zones: " + String.join(", ", zones));
        }
        var targets = new ArrayList<InstanceState>();
        var spared = new ArrayList<Spared>();
        for (InstanceState instance : instances) {
            if (!instance.zone().equals(zone)) {
                continue;
            }
            long total = instances.stream()
                    .filter(i -> i.service().equals(instance.service()))
                    .count();
            boolean elsewhere = instances.stream()
                    .anyMatch(i ->
                            i.service().equals(instance.service()) && !i.zone().equals(zone));
            if (elsewhere) {
                targets.add(instance);
            } else if (total == 1) {
                spared.add(new Spared(
                        instance,
                        "the only " + instance.service() + " instance: losing it is an outage, not a zone"
                                + " failure"));
            } else {
                spared.add(new Spared(
                        instance,
                        "every " + instance.service() + " instance runs in " + zone + " (run more with"
                                + " `reel up --instances " + instance.service() + "=" + (total + 1) + "`)"));
            }
        }
        return new GorillaPlan(zone, targets, spared);
    }
}
