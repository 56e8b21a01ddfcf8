package dev.reel.encoder.ladder;

import static dev.reel.encoder.ladder.Points.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reel.encoder.ladder.BjontegaardDelta.Interpolation;
import dev.reel.encoder.ladder.internal.Pchip;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BjontegaardDeltaTest {

    private static final List<RateQualityPoint> REFERENCE =
            List.of(point(500, 30.0), point(1000, 33.5), point(2000, 36.2), point(4000, 38.1), point(8000, 39.4));

    private static List<RateQualityPoint> scaleRates(List<RateQualityPoint> points, double factor) {
        return points.stream()
                .map(p -> RateQualityPoint.of(p.resolution(), null, Math.round(p.bitrate() * factor), p.quality()))
                .toList();
    }

    private static List<RateQualityPoint> shiftQuality(List<RateQualityPoint> points, double delta) {
        return points.stream()
                .map(p -> RateQualityPoint.of(p.resolution(), null, p.bitrate(), p.quality() + delta))
                .toList();
    }

    @ParameterizedTest
    @EnumSource(Interpolation.class)
    void identicalCurvesDifferByNothing(Interpolation interpolation) {
        assertThat(BjontegaardDelta.rate(REFERENCE, REFERENCE, interpolation)).isCloseTo(0, within(1e-9));
        assertThat(BjontegaardDelta.quality(REFERENCE, REFERENCE, interpolation))
                .isCloseTo(0, within(1e-9));
    }

    @ParameterizedTest
    @EnumSource(Interpolation.class)
    void sameQualityForFourFifthsOfTheBitsIsMinusTwentyPercent(Interpolation interpolation) {
        assertThat(BjontegaardDelta.rate(REFERENCE, scaleRates(REFERENCE, 0.8), interpolation))
                .isCloseTo(-20, within(1e-6));
        assertThat(BjontegaardDelta.rate(REFERENCE, scaleRates(REFERENCE, 1.25), interpolation))
                .isCloseTo(25, within(1e-6));
    }

    @ParameterizedTest
    @EnumSource(Interpolation.class)
    void qualityShiftIsTheBdQuality(Interpolation interpolation) {
        assertThat(BjontegaardDelta.quality(REFERENCE, shiftQuality(REFERENCE, 1.5), interpolation))
                .isCloseTo(1.5, within(1e-9));
    }

    @Test
    void pchipDoesNotOvershootAcrossAQualityCliff() {
        // A ladder whose quality jumps from 18 to 60 dB between 379 and 481 kbps. A polynomial through these points
        // bulges far above 481 kbps between them; the monotone interpolation stays between 379 and 481 kbps.
        List<RateQualityPoint> cliff = List.of(point(235, 17.3), point(379, 18.4), point(481, 60));
        List<RateQualityPoint> flat = List.of(point(400, 27.5), point(404, 33.6));

        double pchip = BjontegaardDelta.rate(cliff, flat, Interpolation.PCHIP);
        double polynomial = BjontegaardDelta.rate(cliff, flat, Interpolation.POLYNOMIAL);

        assertThat(pchip).isBetween((400 / 481.0 - 1) * 100, (404 / 379.0 - 1) * 100);
        assertThat(polynomial).isLessThan(-90);
    }

    @Test
    void pchipInterpolatesThroughEveryPoint() {
        Pchip curve = Pchip.through(new double[] {0, 1, 3, 4}, new double[] {0, 2, 3, 7});

        assertThat(curve.valueAt(1)).isCloseTo(2, within(1e-12));
        assertThat(curve.valueAt(3)).isCloseTo(3, within(1e-12));
        assertThat(curve.valueAt(2)).isBetween(2.0, 3.0);
        assertThat(curve.integral(0, 4)).isCloseTo(curve.integral(0, 2.5) + curve.integral(2.5, 4), within(1e-12));
        assertThatThrownBy(() -> Pchip.through(new double[] {0, 0}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void integratesOnlyOverTheSharedQualityRange() {
        // ln(rate) = f(q) for a cubic f; the test curve needs 30 % fewer bits at every quality but covers only part of
        // the reference's range, with different sample points.
        DoubleUnaryOperator logRate = q -> 4 + 0.3 * q + 0.002 * q * q + 0.0001 * q * q * q;
        List<RateQualityPoint> reference = sample(logRate, 0, 20, 30, 34, 38, 42);
        List<RateQualityPoint> test = sample(logRate, Math.log(0.7), 33, 35, 37, 39, 41);

        assertThat(BjontegaardDelta.sharedQualityRange(reference, test)).containsExactly(33, 41);
        assertThat(BjontegaardDelta.rate(reference, test)).isCloseTo(-30, within(0.01));
        assertThat(BjontegaardDelta.rate(reference, test, Interpolation.PCHIP)).isCloseTo(-30, within(0.5));
    }

    private static List<RateQualityPoint> sample(DoubleUnaryOperator logRate, double offset, double... qualities) {
        return Arrays.stream(qualities)
                .mapToObj(q -> RateQualityPoint.of(
                        Points.P720, null, Math.round(Math.exp(logRate.applyAsDouble(q) + offset) * 1000), q))
                .toList();
    }

    @Test
    void twoPointCurvesFitStraightLines() {
        List<RateQualityPoint> reference = List.of(point(1000, 30), point(4000, 36));
        List<RateQualityPoint> test = List.of(point(500, 30), point(2000, 36));

        assertThat(BjontegaardDelta.rate(reference, test)).isCloseTo(-50, within(1e-6));
        assertThat(BjontegaardDelta.rate(reference, test, Interpolation.PCHIP)).isCloseTo(-50, within(1e-6));
    }

    @Test
    void curvesThatDoNotOverlapHaveNoBdRate() {
        List<RateQualityPoint> low = List.of(point(100, 10), point(200, 12));
        List<RateQualityPoint> high = List.of(point(1000, 20), point(2000, 22));

        assertThat(BjontegaardDelta.sharedQualityRange(low, high)).isNull();
        assertThatThrownBy(() -> BjontegaardDelta.rate(low, high)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BjontegaardDelta.rate(low, List.of(point(150, 11))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void efficientKeepsOnlyRungsNoCheaperRungBeats() {
        RateQualityPoint a = point(100, 10);
        RateQualityPoint b = point(200, 14);
        RateQualityPoint beatenByB = point(300, 13);
        RateQualityPoint c = point(400, 15);

        assertThat(BjontegaardDelta.efficient(List.of(c, beatenByB, b, a))).containsExactly(a, b, c);
    }
}
