package dev.reel.encoder.ladder;

import static dev.reel.encoder.ladder.Points.P1080;
import static dev.reel.encoder.ladder.Points.P240;
import static dev.reel.encoder.ladder.Points.P480;
import static dev.reel.encoder.ladder.Points.P720;
import static dev.reel.encoder.ladder.Points.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PerTitleLadderPlannerTest {

    private static final QualityThresholds SSIM_LIKE = new QualityThresholds(1.0, 10.0, 24.0, 0.5);

    /**
     * A concave curve, 3 dB per doubling of bitrate (q = 3·log2(kbps / 30)), whose resolution rises with bitrate, plus
     * dominated points of each resolution under it.
     */
    private static List<RateQualityPoint> curve() {
        int[] kbps = {60, 100, 150, 250, 400, 700, 1200, 2000, 3500, 6000, 10000};
        Resolution[] sizes = {P240, P240, P240, P480, P480, P480, P720, P720, P1080, P1080, P1080};
        List<RateQualityPoint> points = new ArrayList<>();
        for (int i = 0; i < kbps.length; i++) {
            double quality = 3 * Math.log(kbps[i] / 30.0) / Math.log(2);
            points.add(point(sizes[i], 40 - 2 * i, kbps[i], quality));
            points.add(point(sizes[i], 41 - 2 * i, kbps[i] + 10, quality - 1)); // dominated
        }
        return points;
    }

    private static LadderPolicy.Builder policy() {
        return LadderPolicy.builder(SSIM_LIKE);
    }

    private static Ladder plan(LadderPolicy policy, List<RateQualityPoint> points) {
        return new PerTitleLadderPlanner(policy).plan(P1080, "test", points);
    }

    private static List<Long> kbps(Ladder ladder) {
        return ladder.rungs().stream().map(rung -> rung.bitrate() / 1000).toList();
    }

    @Test
    void rungsAreHullVerticesRisingInBitrateAndQuality() {
        Ladder ladder = plan(policy().build(), curve());

        assertThat(ladder.kind()).isEqualTo(LadderKind.PER_TITLE);
        assertThat(ladder.points()).hasSize(22);
        assertThat(ladder.hull()).hasSize(10); // 10 Mbit/s is above the cap
        for (Rung rung : ladder.rungs()) {
            assertThat(ladder.hull()).anySatisfy(vertex -> {
                assertThat(vertex.resolution()).isEqualTo(rung.resolution());
                assertThat(vertex.crf()).isEqualTo(rung.crf());
                assertThat(vertex.bitrate()).isEqualTo(rung.bitrate());
                assertThat(vertex.quality()).isEqualTo(rung.expectedQuality());
            });
        }
        for (int i = 1; i < ladder.rungs().size(); i++) {
            assertThat(ladder.rungs().get(i).bitrate())
                    .isGreaterThan(ladder.rungs().get(i - 1).bitrate());
            assertThat(ladder.rungs().get(i).expectedQuality())
                    .isGreaterThan(ladder.rungs().get(i - 1).expectedQuality());
        }
    }

    @Test
    void bottomIsTheCheapestVertexAtTheFloorAndTopStopsAtTheBitrateCap() {
        // Floor 10 dB: 400 kbps (11.2 dB) is the first vertex above it. No vertex reaches 24 dB below the 8 Mbit/s cap,
        // so the top is 6000 kbps. Span 11.7 dB at 1 dB steps wants 12 rungs, capped at 8; there are six vertices.
        Ladder ladder = plan(policy().rungs(3, 8).build(), curve());

        assertThat(kbps(ladder)).containsExactly(400L, 700L, 1200L, 2000L, 3500L, 6000L);
    }

    @Test
    void hullIsBuiltFromThePointsWithinTheBitrateBounds() {
        RateQualityPoint cheap = point(P240, 38, 100, 10);
        RateQualityPoint underCap = point(P720, 30, 6000, 14);
        RateQualityPoint overCap = point(P1080, 30, 10_000, 30); // would dominate 6000 kbps

        Ladder ladder = plan(policy().qualityFloor(0).build(), List.of(cheap, underCap, overCap));

        assertThat(ladder.hull()).containsExactly(cheap, underCap);
        assertThat(ladder.top().bitrate()).isEqualTo(6_000_000);
        assertThat(ladder.points()).hasSize(3);
    }

    @Test
    void topIsTheFirstVertexAtTheCeiling() {
        Ladder ladder = plan(policy().qualityCeiling(15).build(), curve());

        assertThat(ladder.top().bitrate()).isEqualTo(1_200_000);
        assertThat(ladder.top().expectedQuality()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void topIsCutWhereQualitySaturates() {
        List<RateQualityPoint> points = new ArrayList<>(List.of(
                point(P240, 38, 100, 10.0),
                point(P480, 32, 400, 14.0),
                point(P720, 28, 1200, 17.0),
                point(P1080, 26, 2000, 18.2), // +1.2 dB over 0.74 doublings: still worth it
                point(P1080, 22, 3500, 18.4), // +0.2 dB over 0.81 doublings: saturated
                point(P1080, 18, 6000, 18.5)));

        Ladder ladder = plan(policy().qualityFloor(0).build(), points);

        assertThat(ladder.top().bitrate()).isEqualTo(2_000_000);
        assertThat(ladder.hull()).hasSize(6);
    }

    @Test
    void flatStretchAtTheBottomDoesNotStopTheClimb() {
        // Gains per doubling 0.4, 1.1 and 1.0 dB: only the first segment is flat, and it is not at the top.
        List<RateQualityPoint> points = List.of(
                point(P240, 38, 100, 10.0),
                point(P240, 30, 200, 10.4), // flat: upscaling limits quality, not bits
                point(P1080, 30, 1000, 13.0),
                point(P1080, 24, 2000, 14.0));

        Ladder ladder = plan(policy().qualityFloor(0).build(), points);

        assertThat(ladder.top().bitrate()).isEqualTo(2_000_000);
    }

    @Test
    void rungCountFollowsTheQualityStep() {
        // 400 kbps (11.2 dB) to 6000 kbps (22.9 dB): 11.7 dB.
        assertThat(plan(policy().qualityStep(4).build(), curve()).rungs()).hasSize(3);
        assertThat(plan(policy().qualityStep(2.5).build(), curve()).rungs()).hasSize(5);
    }

    @Test
    void maxRungsKeepsBottomAndTopAndSpacesTheRest() {
        Ladder ladder = plan(policy().rungs(2, 4).build(), curve());

        assertThat(kbps(ladder)).hasSize(4).startsWith(400L).endsWith(6000L);
        List<Double> qualities =
                ladder.rungs().stream().map(Rung::expectedQuality).toList();
        double even = (qualities.getLast() - qualities.getFirst()) / 3;
        for (int i = 1; i < qualities.size(); i++) {
            assertThat(qualities.get(i) - qualities.get(i - 1)).isBetween(even - 1.8, even + 1.8);
        }
    }

    @Test
    void minRungsAddsCheaperVerticesBelowTheFloorFirst() {
        // Ceiling 12: bottom 400 kbps (11.2 dB), top 700 kbps (13.6 dB): two vertices, four wanted.
        Ladder ladder = plan(policy().qualityCeiling(12).rungs(4, 8).build(), curve());

        assertThat(kbps(ladder)).containsExactly(150L, 250L, 400L, 700L);
    }

    @Test
    void minRungsIsBestEffortOnATinyHull() {
        Ladder ladder =
                plan(policy().rungs(3, 8).build(), List.of(point(P240, 30, 100, 12), point(P1080, 30, 900, 20)));

        assertThat(kbps(ladder)).containsExactly(100L, 900L);
    }

    @Test
    void verticesBelowTheMinimumBitrateAreSkipped() {
        Ladder ladder =
                plan(policy().qualityFloor(0).bitrates(120_000, 8_000_000).build(), curve());

        assertThat(ladder.bottom().bitrate()).isEqualTo(150_000);
    }

    @Test
    void pointsOutsideTheBitrateBoundsGiveOneRung() {
        Ladder tooCheap = plan(policy().build(), List.of(point(P240, 38, 10, 15), point(P1080, 30, 30, 30)));
        Ladder tooDear = plan(policy().build(), List.of(point(P720, 30, 9000, 15), point(P1080, 30, 12000, 30)));

        assertThat(kbps(tooCheap)).containsExactly(30L);
        assertThat(kbps(tooDear)).containsExactly(9000L);
    }

    @Test
    void rungsCarryTheVbvCapAndRateControl() {
        LadderPolicy vbr = policy().vbr(new VbrSettings(2.0, 3.0, 1)).build();
        Rung rung = plan(vbr, curve()).bottom();

        assertThat(rung.rateControl()).isEqualTo(RateControl.CAPPED_VBR);
        assertThat(rung.maxBitrate()).isEqualTo(2 * rung.bitrate());
        assertThat(rung.bufferSize()).isEqualTo(3 * rung.bitrate());

        Rung crf = plan(policy().rateControl(RateControl.CAPPED_CRF).build(), curve())
                .bottom();
        assertThat(crf.rateControl()).isEqualTo(RateControl.CAPPED_CRF);
        assertThat(crf.crf()).isNotNull();
    }

    @Test
    void evenlySpacedPicksTheClosestVertices() {
        List<RateQualityPoint> candidates = new ArrayList<>();
        for (int i = 0; i <= 8; i++) {
            candidates.add(point(100 + i, i));
        }

        assertThat(PerTitleLadderPlanner.evenlySpaced(candidates, 5))
                .extracting(RateQualityPoint::quality)
                .containsExactly(0.0, 2.0, 4.0, 6.0, 8.0);
        assertThat(PerTitleLadderPlanner.evenlySpaced(candidates, 1))
                .extracting(RateQualityPoint::quality)
                .containsExactly(8.0);
    }

    @Test
    void ladderRoundTripsThroughJson() {
        JsonMapper json = JsonMapper.builder().build();
        Ladder ladder = plan(policy().build(), curve());

        String text = json.writeValueAsString(ladder);
        Ladder back = json.readValue(text, Ladder.class);

        assertThat(back).isEqualTo(ladder);
        assertThat(text).contains("\"kind\":\"PER_TITLE\"", "\"hullScale\":\"LINEAR\"");
    }

    @Test
    void policyRejectsInconsistentValues() {
        assertThatThrownBy(() -> policy().rungs(4, 3).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy().rungs(0, 3).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy().qualityStep(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy().qualityCeiling(5).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy().bitrates(2_000, 1_000).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy().minGainPerDoubling(-1).build()).isInstanceOf(IllegalArgumentException.class);
    }
}
