package dev.reel.encoder.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssemblyVerifierTest {

    /** 10 s at 24 fps, 4 s segments: boundaries 0, 4, 8. */
    private final AssemblyVerifier verifier =
            new AssemblyVerifier(Duration.ofSeconds(10), 240, 24, Duration.ofSeconds(4));

    private static final List<Duration> KEYS = List.of(ms(0), ms(2000), ms(4000), ms(6000), ms(8000));

    @Test
    void segmentBoundariesStartAtZeroAndStayInside() {
        assertThat(verifier.segmentBoundaries()).containsExactly(ms(0), ms(4000), ms(8000));
    }

    @Test
    void matchingRungHasNoProblems() {
        assertThat(verifier.check(ms(10_000), 240, KEYS)).isEmpty();
        assertThat(verifier.check(ms(10_041), 240, KEYS)).as("within one frame").isEmpty();
    }

    @Test
    void durationOffByMoreThanAFrameIsReported() {
        assertThat(verifier.check(ms(10_084), 240, KEYS))
                .singleElement()
                .asString()
                .contains("duration 10.084 s");
    }

    @Test
    void frameCountMismatchIsReported() {
        assertThat(verifier.check(ms(10_000), 239, KEYS))
                .singleElement()
                .asString()
                .contains("239 frames");
    }

    @Test
    void missingKeyframeAtABoundaryIsReported() {
        List<Duration> keys = List.of(ms(0), ms(2000), ms(4083), ms(8000));

        assertThat(verifier.check(ms(10_000), 240, keys))
                .singleElement()
                .asString()
                .contains("segment boundary 4.000 s");
    }

    @Test
    void alignedRungsPassAndShiftedKeyframeIsReported() {
        Map<String, List<Duration>> rungs = new LinkedHashMap<>();
        rungs.put("high", KEYS);
        rungs.put("low", List.of(ms(0), ms(4000), ms(8000)));
        assertThat(verifier.checkAligned(rungs)).isEmpty();

        rungs.put("mid", List.of(ms(0), ms(4010), ms(8000)));
        assertThat(verifier.checkAligned(rungs)).singleElement().asString().contains("mid", "4.010", "high");
    }

    @Test
    void rungWithoutTheBoundaryKeyframeIsNotAligned() {
        Map<String, List<Duration>> rungs = new LinkedHashMap<>();
        rungs.put("high", KEYS);
        rungs.put("low", List.of(ms(0), ms(8000)));

        assertThat(verifier.checkAligned(rungs)).singleElement().asString().contains("low", "4.000");
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
