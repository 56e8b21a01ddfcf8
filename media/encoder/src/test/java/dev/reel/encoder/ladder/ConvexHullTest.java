package dev.reel.encoder.ladder;

import static dev.reel.encoder.ladder.Points.P1080;
import static dev.reel.encoder.ladder.Points.P240;
import static dev.reel.encoder.ladder.Points.P480;
import static dev.reel.encoder.ladder.Points.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvexHullTest {

    // Three resolutions whose curves cross: 240p wins at the bottom, 480p in the middle, 1080p at the top.
    private static final RateQualityPoint LOW_A = point(P240, 38, 100, 10.0);
    private static final RateQualityPoint LOW_B = point(P240, 30, 200, 12.0);
    private static final RateQualityPoint LOW_C = point(P240, 22, 400, 12.8); // saturated: 240p can't get better
    private static final RateQualityPoint MID_A = point(P480, 38, 250, 11.0); // below the 240p curve
    private static final RateQualityPoint MID_B = point(P480, 30, 500, 15.0);
    private static final RateQualityPoint MID_C = point(P480, 22, 1000, 17.0);
    private static final RateQualityPoint TOP_A = point(P1080, 38, 900, 14.0); // below the 480p curve
    private static final RateQualityPoint TOP_B = point(P1080, 30, 2000, 20.0);
    private static final RateQualityPoint TOP_C = point(P1080, 22, 4000, 23.0);

    private static final List<RateQualityPoint> ALL =
            List.of(TOP_C, LOW_A, MID_B, TOP_A, LOW_C, MID_A, TOP_B, LOW_B, MID_C);

    @Test
    void keepsTheUpperEnvelopeAcrossResolutions() {
        ConvexHull hull = ConvexHull.of(ALL, RateScale.LINEAR);

        assertThat(hull.vertices()).containsExactly(LOW_A, LOW_B, MID_B, MID_C, TOP_B, TOP_C);
        assertThat(hull.dominated()).containsExactlyInAnyOrder(LOW_C, MID_A, TOP_A);
        assertThat(hull.contains(MID_B)).isTrue();
        assertThat(hull.contains(TOP_A)).isFalse();
    }

    @Test
    void verticesRiseInBitrateAndQualityWithFallingSlopes() {
        List<RateQualityPoint> vertices = ConvexHull.of(ALL, RateScale.LINEAR).vertices();

        double previousSlope = Double.POSITIVE_INFINITY;
        for (int i = 1; i < vertices.size(); i++) {
            RateQualityPoint left = vertices.get(i - 1);
            RateQualityPoint right = vertices.get(i);
            assertThat(right.bitrate()).isGreaterThan(left.bitrate());
            assertThat(right.quality()).isGreaterThan(left.quality());
            double slope = (right.quality() - left.quality()) / (right.bitrate() - left.bitrate());
            assertThat(slope).isLessThan(previousSlope);
            previousSlope = slope;
        }
    }

    @Test
    void logHullIsStricterThanLinearHull() {
        List<RateQualityPoint> linear = ConvexHull.of(ALL, RateScale.LINEAR).vertices();
        List<RateQualityPoint> log = ConvexHull.of(ALL, RateScale.LOG).vertices();

        assertThat(linear).containsAll(log);
        // Quality grows faster than log(bitrate) here, so in log-rate the curve is convex and only its ends remain.
        assertThat(log).containsExactly(LOW_A, TOP_C);
    }

    @Test
    void dropsPointsAfterTheBestOneAndCollinearOnes() {
        RateQualityPoint a = point(100, 10);
        RateQualityPoint collinear = point(200, 12);
        RateQualityPoint b = point(300, 14);
        RateQualityPoint worseAndDearer = point(600, 13);

        ConvexHull hull = ConvexHull.of(List.of(worseAndDearer, b, collinear, a), RateScale.LINEAR);

        assertThat(hull.vertices()).containsExactly(a, b);
        assertThat(hull.dominated()).containsExactlyInAnyOrder(collinear, worseAndDearer);
    }

    @Test
    void keepsTheBetterOfTwoPointsAtTheSameBitrate() {
        RateQualityPoint worse = point(P240, 30, 500, 11);
        RateQualityPoint better = point(P480, 30, 500, 13);

        assertThat(ConvexHull.of(List.of(worse, better), RateScale.LINEAR).vertices())
                .containsExactly(better);
    }

    @Test
    void flatTopKeepsTheCheaperPoint() {
        RateQualityPoint cheap = point(400, 20);
        RateQualityPoint dear = point(800, 20);

        assertThat(ConvexHull.of(List.of(point(100, 10), dear, cheap), RateScale.LOG)
                        .vertices())
                .containsExactly(point(100, 10), cheap);
    }

    @Test
    void interpolatesAlongTheHullOnItsScale() {
        ConvexHull linear = ConvexHull.of(List.of(point(100, 10), point(300, 14)), RateScale.LINEAR);
        ConvexHull log = ConvexHull.of(List.of(point(100, 10), point(400, 14)), RateScale.LOG);

        assertThat(linear.qualityAt(200_000)).isCloseTo(12, within(1e-9));
        assertThat(log.qualityAt(200_000)).isCloseTo(12, within(1e-9));
        assertThat(linear.qualityAt(50_000)).isEqualTo(10);
        assertThat(linear.qualityAt(900_000)).isEqualTo(14);
    }

    @Test
    void singlePointIsItsOwnHull() {
        RateQualityPoint only = point(100, 10);

        assertThat(ConvexHull.of(List.of(only), RateScale.LOG).vertices()).containsExactly(only);
    }

    @Test
    void rejectsNoPoints() {
        assertThatThrownBy(() -> ConvexHull.of(new ArrayList<>(), RateScale.LINEAR))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
