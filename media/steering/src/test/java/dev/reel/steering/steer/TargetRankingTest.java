package dev.reel.steering.steer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.steering.steer.TargetRanking.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetRankingTest {

    private static List<String> ids(List<Candidate> candidates) {
        return TargetRanking.order(candidates).stream().map(Candidate::id).toList();
    }

    @Test
    void sameNetworkBeatsHoldingTheTitleWhichBeatsLoad() {
        var far = new Candidate("far", false, true, 0, 0, 100);
        var nearCold = new Candidate("near-cold", true, false, 0, 0, 100);
        var nearHot = new Candidate("near-hot", true, true, 500, 1_000_000, 100);
        assertThat(ids(List.of(far, nearCold, nearHot))).containsExactly("near-hot", "near-cold", "far");
    }

    @Test
    void loadCountsRelativeToTheApplianceShare() {
        // Same connections and throughput, but "big" has four times the capacity: it is less loaded for its share.
        var small = new Candidate("small", true, true, 10, 1000, 100);
        var big = new Candidate("big", true, true, 10, 1000, 400);
        assertThat(ids(List.of(small, big))).containsExactly("big", "small");
        var busy = new Candidate("busy", true, true, 30, 3000, 100);
        var idle = new Candidate("idle", true, true, 1, 100, 100);
        assertThat(ids(List.of(busy, idle))).containsExactly("idle", "busy");
    }

    @Test
    void idleEqualAppliancesGoById() {
        var b = new Candidate("b", false, false, 0, 0, 0);
        var a = new Candidate("a", false, false, 0, 0, 0);
        assertThat(ids(List.of(b, a))).containsExactly("a", "b");
        assertThat(TargetRanking.order(List.of())).isEmpty();
    }
}
