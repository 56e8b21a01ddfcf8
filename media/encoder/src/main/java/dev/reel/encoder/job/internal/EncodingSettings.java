package dev.reel.encoder.job.internal;

import dev.reel.encoder.EncoderProperties;
import dev.reel.encoder.job.JobRequest.EncodingProfile;
import dev.reel.encoder.ladder.TrialPlan;
import dev.reel.encoder.ladder.VbrSettings;
import dev.reel.encoder.ladder.X264Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * The encoder settings of one profile, resolved from {@link EncoderProperties.Jobs}.
 *
 * @param x264 preset, GOP and threads of trials and rungs
 * @param passes passes per chunk
 * @param vbr the rungs' VBV cap (1.5× maxrate, 2× buffer) and passes
 * @param segment the packaging segment
 * @param targetChunk the chunk duration the planner aims for
 * @param trials the per-title trial grid
 */
record EncodingSettings(
        X264Settings x264, int passes, VbrSettings vbr, Duration segment, Duration targetChunk, TrialPlan trials) {

    static EncodingSettings of(EncoderProperties.Jobs jobs, EncodingProfile profile) {
        EncoderProperties.Profile chosen = profile == EncodingProfile.FAST
                ? jobs.profiles().fastProfile()
                : jobs.profiles().standardProfile();
        int passes = Objects.requireNonNull(chosen.passes(), "passes");
        int chunkSegments = Objects.requireNonNull(chosen.chunkSegments(), "chunkSegments");
        if (chunkSegments < 1) {
            throw new IllegalArgumentException("chunk-segments must be at least 1: " + chunkSegments);
        }
        return new EncodingSettings(
                new X264Settings(
                        Objects.requireNonNull(chosen.preset(), "preset"),
                        jobs.gop().toMillis() / 1000.0,
                        jobs.ffmpegThreads()),
                passes,
                new VbrSettings(1.5, 2.0, passes),
                jobs.segment(),
                jobs.segment().multipliedBy(chunkSegments),
                TrialPlan.builder()
                        .heights(Objects.requireNonNull(chosen.trialHeights(), "trialHeights"))
                        .crfs(Objects.requireNonNull(chosen.trialCrfs(), "trialCrfs"))
                        .build());
    }
}
