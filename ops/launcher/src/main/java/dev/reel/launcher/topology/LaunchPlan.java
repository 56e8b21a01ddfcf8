package dev.reel.launcher.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instances a {@code reel up} starts, grouped by stage.
 *
 * @param instances all instances, in stage order, then table order, then index
 */
public record LaunchPlan(List<Instance> instances) {

    public LaunchPlan {
        instances = List.copyOf(instances);
    }

    /** Plans the instances for the given counts over {@link ServiceTable#SERVICES}. */
    public static LaunchPlan of(InstanceCounts counts) {
        var instances = new ArrayList<Instance>();
        for (Stage stage : Stage.values()) {
            for (ServiceSpec service : ServiceTable.SERVICES) {
                if (service.stage() != stage) {
                    continue;
                }
                for (int i = 0; i < counts.of(service); i++) {
                    instances.add(Instance.of(service, i));
                }
            }
        }
        return new LaunchPlan(instances);
    }

    /** Returns the non-empty stages in start order, each with its instances. */
    public Map<Stage, List<Instance>> stages() {
        var stages = new LinkedHashMap<Stage, List<Instance>>();
        for (Instance instance : instances) {
            stages.computeIfAbsent(instance.service().stage(), s -> new ArrayList<>())
                    .add(instance);
        }
        stages.replaceAll((stage, list) -> List.copyOf(list));
        return stages;
    }

    /**
     * Returns every TCP port this plan needs, infrastructure first, each mapped to what uses it (for messages).
     */
    public Map<Integer, String> ports() {
        var ports = new LinkedHashMap<Integer, String>();
        ports.put(ServiceTable.POSTGRES_PORT, "PostgreSQL");
        ports.put(ServiceTable.KAFKA_PORT, "Kafka broker");
        ports.put(ServiceTable.KAFKA_CONTROLLER_PORT, "Kafka controller");
        for (Instance instance : instances) {
            ports.put(instance.port(), instance.name());
        }
        return ports;
    }
}
