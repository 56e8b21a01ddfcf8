package dev.reel.launcher.chaos;

import dev.reel.launcher.state.RunState.InstanceState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Which services Chaos Monkey may kill instances of. Named services are always eligible (the user asked for them);
 * otherwise only services running at least two instances are, because killing the only instance of a service (the
 * gateway, registry or config locally) is an outage, not an experiment in resilience.
 *
 * @param services the eligible services, in the order of the run state
 * @param spared services left out, each with the reason in words (empty when services were named)
 */
public record MonkeyTargets(List<String> services, Map<String, String> spared) {

    public MonkeyTargets {
        services = List.copyOf(services);
        spared = Collections.unmodifiableMap(new LinkedHashMap<>(spared));
    }

    /**
     * Chooses the eligible services.
     *
     * @param instances the instances of the running Reel ({@code state.json})
     * @param requested the services named with {@code --service}; empty for "every service with two or more instances"
     * @throws IllegalArgumentException if a named service has no instance running, naming the ones that do
     */
    public static MonkeyTargets choose(List<InstanceState> instances, List<String> requested) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (InstanceState instance : instances) {
            counts.merge(instance.service(), 1, Integer::sum);
        }
        if (!requested.isEmpty()) {
            Set<String> named = new LinkedHashSet<>();
            for (String service : requested) {
                if (!counts.containsKey(service)) {
                    throw new IllegalArgumentException("no instance of '" + service + "' is running; running services: "
                            + String.join(", ", counts.keySet()));
                }
                named.add(service);
            }
            return new MonkeyTargets(new ArrayList<>(named), Map.of());
        }
        var services = new ArrayList<String>();
        var spared = new LinkedHashMap<String, String>();
        counts.forEach((service, count) -> {
            if (count >= 2) {
                services.add(service);
            } else {
                spared.put(
                        service,
                        "runs a single instance (killing it is an outage; name it with --service to"
                                + " kill it anyway)");
            }
        });
        return new MonkeyTargets(services, spared);
    }

    /** The instances of the eligible services among {@code instances}, in their order. */
    public List<InstanceState> candidates(List<InstanceState> instances) {
        return instances.stream().filter(i -> services.contains(i.service())).toList();
    }

    /**
     * Picks the next victim: a random candidate among those {@code alive} accepts (an instance that is being restarted
     * has no live process and is skipped).
     *
     * @param instances the current instances (re-read each time: pids change with restarts)
     * @return empty if no candidate is alive
     */
    public Optional<InstanceState> pick(
            List<InstanceState> instances, Predicate<InstanceState> alive, RandomGenerator random) {
        List<InstanceState> living =
                candidates(instances).stream().filter(alive).toList();
        if (living.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(living.get(random.nextInt(living.size())));
    }
}
