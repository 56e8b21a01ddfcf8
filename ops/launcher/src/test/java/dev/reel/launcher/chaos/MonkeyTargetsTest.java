package dev.reel.launcher.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.reel.launcher.state.RunState.InstanceState;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MonkeyTargetsTest {

    static final List<InstanceState> INSTANCES = List.of(
            instance("registry", 0, 101),
            instance("config", 0, 102),
            instance("catalog", 0, 201),
            instance("catalog", 1, 202),
            instance("gateway", 0, 301),
            instance("playback", 0, 401),
            instance("playback", 1, 402),
            instance("playback", 2, 403));

    static InstanceState instance(String service, int index, long pid) {
        return new InstanceState(
                service, index, index % 2 == 0 ? "zone-a" : "zone-b", 8000 + index, pid, "/l/" + service, 0);
    }

    @Test
    void withoutServicesOnlyServicesWithTwoOrMoreInstancesAreEligible() {
        MonkeyTargets targets = MonkeyTargets.choose(INSTANCES, List.of());

        assertThat(targets.services()).containsExactly("catalog", "playback");
        assertThat(targets.spared()).containsOnlyKeys("registry", "config", "gateway");
        assertThat(targets.spared().get("gateway")).contains("single instance");
        assertThat(targets.candidates(INSTANCES))
                .extracting(InstanceState::name)
                .containsExactly("catalog-0", "catalog-1", "playback-0", "playback-1", "playback-2");
    }

    @Test
    void namedServicesAreEligibleEvenWithOneInstance() {
        MonkeyTargets targets = MonkeyTargets.choose(INSTANCES, List.of("gateway", "catalog", "gateway"));

        assertThat(targets.services()).containsExactly("gateway", "catalog");
        assertThat(targets.spared()).isEmpty();
        assertThat(targets.candidates(INSTANCES))
                .extracting(InstanceState::name)
                .containsExactly("catalog-0", "catalog-1", "gateway-0");
    }

    @Test
    void aNamedServiceThatDoesNotRunIsRefusedNamingTheRunningOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MonkeyTargets.choose(INSTANCES, List.of("search")))
                .withMessage("no instance of 'search' is running; running services: registry, config, catalog,"
                        + " gateway, playback");
    }

    @Test
    void singleInstanceServicesOnlyLeaveNothingEligible() {
        MonkeyTargets targets = MonkeyTargets.choose(INSTANCES.subList(0, 3), List.of());

        assertThat(targets.services()).isEmpty();
        assertThat(targets.pick(INSTANCES, i -> true, new Random(1))).isEmpty();
    }

    @Test
    void picksOnlyLiveCandidates() {
        MonkeyTargets targets = MonkeyTargets.choose(INSTANCES, List.of());
        Set<String> picked = new HashSet<>();
        var random = new Random(7);

        for (int i = 0; i < 200; i++) {
            targets.pick(INSTANCES, instance -> instance.pid() != 202 && instance.pid() != 401, random)
                    .ifPresent(instance -> picked.add(instance.name()));
        }

        assertThat(picked).containsExactlyInAnyOrder("catalog-0", "playback-1", "playback-2");
        assertThat(targets.pick(INSTANCES, instance -> false, random)).isEmpty();
    }

    @Test
    void theSameSeedPicksTheSameVictims() {
        MonkeyTargets targets = MonkeyTargets.choose(INSTANCES, List.of());
        var first = new Random(42);
        var second = new Random(42);

        for (int i = 0; i < 20; i++) {
            assertThat(targets.pick(INSTANCES, instance -> true, first))
                    .isEqualTo(targets.pick(INSTANCES, instance -> true, second));
        }
    }
}
