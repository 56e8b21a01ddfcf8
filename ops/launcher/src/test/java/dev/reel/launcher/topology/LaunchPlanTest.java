package dev.reel.launcher.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class LaunchPlanTest {

    @Test
    void assignsPortsAndAlternatingZonesPerInstance() {
        LaunchPlan plan = LaunchPlan.of(InstanceCounts.parse("catalog=3,identity=2"));

        assertThat(plan.instances())
                .extracting(Instance::name, i -> i.zone().id(), Instance::port)
                .containsExactly(
                        tuple("registry-0", "zone-a", 8761),
                        tuple("config-0", "zone-a", 8888),
                        tuple("identity-0", "zone-a", 8100),
                        tuple("identity-1", "zone-b", 8101),
                        tuple("catalog-0", "zone-a", 8200),
                        tuple("catalog-1", "zone-b", 8201),
                        tuple("catalog-2", "zone-a", 8202),
                        tuple("encoder-0", "zone-a", 8300),
                        tuple("gateway-0", "zone-a", 8080),
                        tuple("playback-0", "zone-a", 8400),
                        tuple("steering-0", "zone-a", 8500),
                        tuple("viewing-0", "zone-a", 8600),
                        tuple("search-0", "zone-a", 8700),
                        tuple("personalization-0", "zone-a", 8800),
                        tuple("origin-0", "zone-a", 9000),
                        tuple("isp-a-0", "zone-a", 9100),
                        tuple("isp-b-0", "zone-a", 9101));
    }

    @Test
    void groupsInstancesIntoStagesInStartOrder() {
        LaunchPlan plan = LaunchPlan.of(InstanceCounts.DEFAULT);

        assertThat(plan.stages()).containsOnlyKeys(Stage.PLATFORM, Stage.SERVICES);
        assertThat(plan.stages().keySet()).containsExactly(Stage.PLATFORM, Stage.SERVICES);
        assertThat(plan.stages().get(Stage.PLATFORM))
                .extracting(Instance::name)
                .containsExactly("registry-0", "config-0");
        assertThat(plan.stages().get(Stage.SERVICES))
                .extracting(Instance::name)
                .containsExactly(
                        "identity-0",
                        "catalog-0",
                        "encoder-0",
                        "gateway-0",
                        "playback-0",
                        "steering-0",
                        "viewing-0",
                        "search-0",
                        "personalization-0",
                        "origin-0",
                        "isp-a-0",
                        "isp-b-0");
    }

    @Test
    void leavesOutServicesWithCountZero() {
        LaunchPlan plan = LaunchPlan.of(InstanceCounts.parse("gateway=0,catalog=0"));

        assertThat(plan.instances()).extracting(Instance::name).doesNotContain("gateway-0", "catalog-0");
    }

    @Test
    void listsInfrastructurePortsFirst() {
        LaunchPlan plan = LaunchPlan.of(InstanceCounts.parse("catalog=2"));

        assertThat(plan.ports())
                .containsEntry(15432, "PostgreSQL")
                .containsEntry(19092, "Kafka broker")
                .containsEntry(19093, "Kafka controller")
                .containsEntry(8201, "catalog-1");
        assertThat(plan.ports().keySet()).startsWith(15432, 19092, 19093);
    }

    @Test
    void servicePortBlocksDoNotOverlap() {
        var ports = new HashSet<Integer>();
        for (ServiceSpec service : ServiceTable.SERVICES) {
            for (int i = 0; i < service.maxInstances(); i++) {
                assertThat(ports.add(service.port(i)))
                        .as("port %d of %s", service.port(i), service.name())
                        .isTrue();
            }
        }
        assertThat(ports)
                .doesNotContain(
                        ServiceTable.POSTGRES_PORT, ServiceTable.KAFKA_PORT, ServiceTable.KAFKA_CONTROLLER_PORT);
    }

    @Test
    void zoneAlternatesByIndex() {
        assertThat(Zone.forIndex(0)).isEqualTo(Zone.ZONE_A);
        assertThat(Zone.forIndex(1)).isEqualTo(Zone.ZONE_B);
        assertThat(Zone.forIndex(4)).isEqualTo(Zone.ZONE_A);
    }
}
