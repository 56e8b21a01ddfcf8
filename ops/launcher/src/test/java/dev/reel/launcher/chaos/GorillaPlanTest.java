package dev.reel.launcher.chaos;

import static dev.reel.launcher.chaos.MonkeyTargetsTest.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.reel.launcher.state.RunState.InstanceState;
import java.util.List;
import org.junit.jupiter.api.Test;

class GorillaPlanTest {

    @Test
    void takesDownTheZoneInstancesOfMultiZoneServicesAndSparesTheRest() {
        GorillaPlan plan = GorillaPlan.of(MonkeyTargetsTest.INSTANCES, "zone-a");

        assertThat(plan.targets())
                .extracting(InstanceState::name)
                .containsExactly("catalog-0", "playback-0", "playback-2");
        assertThat(plan.spared())
                .extracting(spared -> spared.instance().name())
                .containsExactly("registry-0", "config-0", "gateway-0");
        assertThat(plan.spared().get(2).reason())
                .isEqualTo("the only gateway instance: losing it is an outage, not a zone failure");
    }

    @Test
    void theOtherZoneLosesOnlyItsOwnInstances() {
        GorillaPlan plan = GorillaPlan.of(MonkeyTargetsTest.INSTANCES, "zone-b");

        assertThat(plan.targets()).extracting(InstanceState::name).containsExactly("catalog-1", "playback-1");
        assertThat(plan.spared()).isEmpty();
    }

    @Test
    void aServiceWhoseInstancesAllRunInTheZoneIsSparedWithAHint() {
        List<InstanceState> instances = List.of(
                new InstanceState("search", 0, "zone-a", 8700, 1, "/l", 0),
                new InstanceState("search", 2, "zone-a", 8702, 2, "/l", 0),
                instance("catalog", 0, 3),
                instance("catalog", 1, 4));

        GorillaPlan plan = GorillaPlan.of(instances, "zone-a");

        assertThat(plan.targets()).extracting(InstanceState::name).containsExactly("catalog-0");
        assertThat(plan.spared())
                .extracting(GorillaPlan.Spared::reason)
                .containsExactly(
                        "every search instance runs in zone-a (run more with `reel up --instances search=3`)",
                        "every search instance runs in zone-a (run more with `reel up --instances search=3`)");
    }

    @Test
    void anUnknownZoneNamesTheZonesThatRun() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GorillaPlan.of(MonkeyTargetsTest.INSTANCES, "zone-c"))
                .withMessage("no instance runs in zone 'zone-c'; zones: zone-a, zone-b");
    }
}
