package dev.reel.steering.fill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reel.steering.appliance.FetchTitle;
import dev.reel.steering.appliance.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DensityFillPlannerTest {

    private final FillPlanner planner =
            DensityFillPlanner.builder().pinShare(0.5).build();

    private static TitleDemand title(String id, long bytes, double predictedBytes) {
        return new TitleDemand(id, "v-" + id, bytes, predictedBytes);
    }

    private static ApplianceSlot slot(String id, String network, Tier tier, long capacity, Map<String, String> held) {
        return new ApplianceSlot(id, network, tier, capacity, held);
    }

    private static List<String> ids(Placement placement) {
        return placement.titles().stream().map(PlacedTitle::titleId).toList();
    }

    @Test
    void densestTitlesFirstAndGapsFilledBySmallerOnes() {
        // Densities: a 10, b 5, c 4, d 1. Capacity 10: a (4) + b (4) leave 2; c (6) does not fit, d (2) does.
        var titles = List.of(title("a", 4, 40), title("b", 4, 20), title("c", 6, 24), title("d", 2, 2));
        Placement p = planner.plan(titles, List.of(slot("x", "n", Tier.STORAGE, 10, Map.of())))
                .placements()
                .getFirst();
        assertThat(ids(p)).containsExactly("a", "b", "d");
        assertThat(p.bytes()).isEqualTo(10);
        assertThat(p.predictedByteHitRatio()).isCloseTo(62.0 / 86, within(1e-9));
        assertThat(p.fetch()).extracting(FetchTitle::titleId).containsExactly("a", "b", "d");
        assertThat(p.pinned()).isEmpty(); // storage is never pinned
    }

    @Test
    void flashTakesTheDensestTitlesAndPinsTheTopOnes() {
        var titles = List.of(
                title("hot1", 2, 100),
                title("hot2", 2, 80),
                title("warm", 2, 20),
                title("cold", 2, 4),
                title("none", 2, 0));
        var flash = slot("f", "isp", Tier.FLASH, 4, Map.of());
        var storage = slot("s", "isp", Tier.STORAGE, 100, Map.of());
        FillPlan plan = planner.plan(titles, List.of(storage, flash));
        assertThat(plan.placements()).extracting(Placement::applianceId).containsExactly("s", "f");
        Placement f = plan.placement("f").orElseThrow();
        Placement s = plan.placement("s").orElseThrow();
        assertThat(ids(f)).containsExactly("hot1", "hot2");
        assertThat(f.pinned()).containsExactly("hot1"); // half of 4 bytes
        assertThat(ids(s)).containsExactly("warm", "cold"); // no replicas; no demand, no fetch
        assertThat(f.predictedByteHitRatio() + s.predictedByteHitRatio()).isCloseTo(1, within(1e-9));
    }

    @Test
    void heldTitlesAreNotFetchedAgainAndStayWhenTheyStillFit() {
        var titles = List.of(title("a", 4, 40), title("b", 4, 20), title("old", 2, 0), title("gone", 5, 1));
        var x = slot("x", "n", Tier.STORAGE, 10, Map.of("a", "v-a", "old", "v-old", "gone", "v-gone", "ghost", "v-1"));
        Placement p = planner.plan(titles, List.of(x)).placements().getFirst();
        assertThat(ids(p)).containsExactly("a", "b", "old");
        assertThat(p.fetch()).containsExactly(new FetchTitle("b", "v-b"));
        assertThat(p.drop()).containsExactly("ghost", "gone");
    }

    @Test
    void aNewVersionIsFetchedAndAHolderIsPreferredWithinATier() {
        var titles = List.of(title("a", 4, 40));
        var y = slot("y", "n", Tier.STORAGE, 10, Map.of("a", "v-a"));
        var x = slot("x", "n", Tier.STORAGE, 10, Map.of("a", "v-stale"));
        FillPlan plan = planner.plan(titles, List.of(x, y));
        assertThat(ids(plan.placement("y").orElseThrow())).containsExactly("a");
        assertThat(plan.placement("y").orElseThrow().fetch()).isEmpty();
        assertThat(plan.placement("x").orElseThrow().titles()).isEmpty();
        assertThat(plan.placement("x").orElseThrow().drop()).containsExactly("a");

        Placement alone = planner.plan(titles, List.of(x)).placements().getFirst();
        assertThat(alone.fetch()).containsExactly(new FetchTitle("a", "v-a"));

        // Held in part: fetched when placed, dropped when not.
        var part = slot(
                "p", "n", Tier.STORAGE, 10, Map.of("a", ApplianceSlot.NOT_IN_FULL, "b", ApplianceSlot.NOT_IN_FULL));
        Placement partial = planner.plan(titles, List.of(part)).placements().getFirst();
        assertThat(partial.fetch()).containsExactly(new FetchTitle("a", "v-a"));
        assertThat(partial.drop()).containsExactly("b");
    }

    @Test
    void networksShareTheDemandButNotTheirCapacity() {
        var titles = List.of(title("a", 4, 40), title("b", 4, 20));
        FillPlan plan = planner.plan(
                titles,
                List.of(slot("a1", "isp-a", Tier.FLASH, 4, Map.of()), slot("b1", "isp-b", Tier.FLASH, 8, Map.of())));
        assertThat(ids(plan.placement("a1").orElseThrow())).containsExactly("a");
        assertThat(ids(plan.placement("b1").orElseThrow())).containsExactly("a", "b");
        assertThat(plan.placement("b1").orElseThrow().predictedByteHitRatio()).isCloseTo(1, within(1e-9));
    }

    @Test
    void neverExceedsCapacityAndIsCloseToTheFractionalOptimum() {
        Random random = new Random(7);
        List<TitleDemand> titles = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            long bytes = 1 + random.nextInt(100);
            titles.add(title("t" + i, bytes, bytes * Math.pow(i + 1, -0.9) * (0.5 + random.nextDouble())));
        }
        long capacity = titles.stream().mapToLong(TitleDemand::bytes).sum() / 5;
        Placement p = planner.plan(titles, List.of(slot("x", "n", Tier.STORAGE, capacity, Map.of())))
                .placements()
                .getFirst();
        assertThat(p.bytes()).isLessThanOrEqualTo(capacity);

        // The fractional knapsack bounds every 0/1 solution from above.
        List<TitleDemand> byDensity = new ArrayList<>(titles);
        byDensity.sort((a, b) -> Double.compare(b.density(), a.density()));
        double bound = 0;
        long room = capacity;
        for (TitleDemand t : byDensity) {
            long take = Math.min(room, t.bytes());
            bound += t.density() * take;
            room -= take;
        }
        double value =
                p.titles().stream().mapToDouble(PlacedTitle::predictedBytes).sum();
        assertThat(value / bound).isGreaterThan(0.99);
    }

    @Test
    void repeatedIdsAndBadSettingsAreRejected() {
        assertThatThrownBy(() -> planner.plan(List.of(title("a", 1, 1), title("a", 1, 1)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        var x = slot("x", "n", Tier.FLASH, 1, Map.of());
        assertThatThrownBy(() -> planner.plan(List.of(), List.of(x, x))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DensityFillPlanner.builder().pinShare(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> title("a", -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
