package dev.reel.encoder.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.encoder.corpus.CorpusSpec;
import dev.reel.encoder.corpus.SyntheticClip;
import dev.reel.encoder.corpus.SyntheticCorpus;
import dev.reel.encoder.corpus.SyntheticMaster;
import dev.reel.encoder.farm.LocalFarm;
import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.probe.MediaProber;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-title analysis for real, with ffmpeg, on two generated 3 s clips at 480p of very different complexity: a
 * flat cartoon and a moving test pattern under film grain.
 */
class PerTitleLadderIT {

    private static final CorpusSpec SPEC = CorpusSpec.builder()
            .size(854, 480)
            .seconds(3)
            .clips(List.of(SyntheticClip.FLAT_CARTOON, SyntheticClip.GRAIN))
            .build();
    private static final TrialPlan PLAN = TrialPlan.builder()
            .heights(List.of(240, 360, 480))
            .crfs(List.of(22, 30, 38))
            .build();
    private static final X264Settings X264 = new X264Settings("veryfast", 2.0, 1);

    @TempDir
    static Path work;

    static FfmpegRunner runner;
    static SsimMetric ssim;
    static SourceVideo easy;
    static SourceVideo hard;
    static Ladder easyLadder;
    static Ladder hardLadder;

    @BeforeAll
    static void analyseBothClips() {
        runner = FfmpegRunner.fromEnvironment();
        ssim = new SsimMetric(runner, 1);
        MediaProber prober = new MediaProber(runner);
        LadderPolicy policy = LadderPolicy.builder(ssim.thresholds())
                .bitrates(10_000, 8_000_000)
                .build();
        PerTitleAnalyzer analyzer = new PerTitleAnalyzer(
                new TrialEncoder(runner, ssim, X264, work), PLAN, new PerTitleLadderPlanner(policy));
        try (LocalFarm farm = LocalFarm.start(2)) {
            List<SyntheticMaster> masters = new SyntheticCorpus(runner)
                    .generateAll(SPEC, work, 1, farm.executor(0))
                    .join();
            easy = SourceVideo.of(
                    masters.get(0).file(), prober.probe(masters.get(0).file()));
            hard = SourceVideo.of(
                    masters.get(1).file(), prober.probe(masters.get(1).file()));
            var easyAnalysis = analyzer.analyse(easy, farm.executor(0));
            var hardAnalysis = analyzer.analyse(hard, farm.executor(0));
            easyLadder = easyAnalysis.join();
            hardLadder = hardAnalysis.join();
        }
    }

    @Test
    void everyCandidateIsTriedAndMeasured() {
        for (Ladder ladder : List.of(easyLadder, hardLadder)) {
            assertThat(ladder.points()).hasSize(9);
            assertThat(ladder.points()).allSatisfy(point -> {
                assertThat(point.bitrate()).isPositive();
                assertThat(point.details()).containsKeys("ssim_y", "ssim_all");
            });
            assertThat(ladder.metric()).isEqualTo("ssim-y-db");
            assertThat(ladder.source()).isEqualTo(new Resolution(854, 480));
        }
    }

    @Test
    void easyClipTopsOutLowerThanHardClip() {
        assertThat(easyLadder.top().bitrate()).isLessThan(hardLadder.top().bitrate());
    }

    @Test
    void rungsAreOnTheHullAndRiseInBitrateAndQuality() {
        for (Ladder ladder : List.of(easyLadder, hardLadder)) {
            LadderPolicy policy = ladder.policy();
            assertThat(policy).isNotNull();
            List<RateQualityPoint> eligible = ladder.points().stream()
                    .filter(point -> point.bitrate() >= policy.minBitrate() && point.bitrate() <= policy.maxBitrate())
                    .toList();
            ConvexHull hull = ConvexHull.of(eligible, RateScale.LINEAR);
            assertThat(ladder.hull()).isEqualTo(hull.vertices());
            assertThat(ladder.rungs()).as(ladder.rungs().toString()).hasSizeGreaterThanOrEqualTo(2);
            for (Rung rung : ladder.rungs()) {
                assertThat(hull.vertices()).anySatisfy(vertex -> assertThat(
                                List.of(vertex.resolution(), vertex.crf(), vertex.bitrate(), vertex.quality()))
                        .isEqualTo(List.of(rung.resolution(), rung.crf(), rung.bitrate(), rung.expectedQuality())));
            }
            for (int i = 1; i < ladder.rungs().size(); i++) {
                Rung lower = ladder.rungs().get(i - 1);
                Rung higher = ladder.rungs().get(i);
                assertThat(higher.bitrate()).isGreaterThan(lower.bitrate());
                assertThat(higher.expectedQuality()).isGreaterThan(lower.expectedQuality());
            }
        }
    }

    @Test
    void ladderRoundTripsThroughJson() {
        JsonMapper json = JsonMapper.builder().build();
        for (Ladder ladder : List.of(easyLadder, hardLadder)) {
            assertThat(json.readValue(json.writeValueAsString(ladder), Ladder.class))
                    .isEqualTo(ladder);
        }
    }

    @Test
    void topRungEncodesNearItsTargetAndMeasuresOnBothMetrics() {
        Rung top = hardLadder.top();
        EncodedRendition rendition = new RungEncoder(runner, X264, work).encode(hard, top, 2, work.resolve("top.h264"));

        assertThat(rendition.bitrate()).isBetween(top.bitrate() * 6 / 10, top.bitrate() * 13 / 10);
        QualityScore ssimScore = ssim.measure(rendition.file(), hard);
        QualityScore psnrScore = new PsnrMetric(runner, 1).measure(rendition.file(), hard);
        assertThat(ssimScore.value()).isBetween(top.expectedQuality() - 4, top.expectedQuality() + 4);
        assertThat(psnrScore.value()).isBetween(20.0, 60.0);
        assertThat(psnrScore.details()).containsKeys("psnr_y", "psnr_avg");
    }
}
