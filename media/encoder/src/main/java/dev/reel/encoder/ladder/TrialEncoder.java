package dev.reel.encoder.ladder;

import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.ladder.internal.X264Args;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Makes the trial encodes of a {@link TrialPlan}: each candidate resolution at each CRF, constant quality, with the
 * same x264 settings the rungs will use, then scores each against the reference with a {@link QualityMetric}. Each
 * trial file is deleted once measured. Thread-safe.
 */
public final class TrialEncoder {

    private final FfmpegRunner runner;
    private final QualityMetric metric;
    private final X264Settings settings;
    private final Path workDir;

    /** @param workDir an existing directory for the trial files */
    public TrialEncoder(FfmpegRunner runner, QualityMetric metric, X264Settings settings, Path workDir) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.metric = Objects.requireNonNull(metric, "metric");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    public QualityMetric metric() {
        return metric;
    }

    /**
     * Encodes {@code reference} at one resolution and CRF, and measures it against {@code reference}.
     *
     * @throws dev.reel.encoder.ffmpeg.FfmpegException if encoding or measuring fails
     * @throws UncheckedIOException if the trial file cannot be created or read
     */
    public RateQualityPoint trial(SourceVideo reference, Resolution resolution, int crf) {
        Path file = null;
        try {
            file = Files.createTempFile(workDir, "trial-" + resolution + "-crf" + crf + "-", ".h264");
            List<String> args = X264Args.input(reference, resolution, settings);
            args.addAll(X264Args.encoder(reference, settings));
            args.addAll(List.of("-crf", Integer.toString(crf)));
            args.addAll(X264Args.elementaryStream(file));
            runner.ffmpeg(args);
            long bitrate = reference.bitrateOf(Files.size(file));
            QualityScore score = metric.measure(file, reference);
            return new RateQualityPoint(resolution, crf, bitrate, score.value(), score.details());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A leftover trial file in the work directory is harmless.
                }
            }
        }
    }

    /**
     * Runs every trial of {@code plan} for {@code reference} as separate tasks on {@code executor}.
     *
     * @return the points, completed when all trials are; completes exceptionally with the first failure
     */
    public CompletableFuture<List<RateQualityPoint>> trials(SourceVideo reference, TrialPlan plan, Executor executor) {
        List<CompletableFuture<RateQualityPoint>> futures = new ArrayList<>();
        List<Resolution> candidates = plan.candidates(reference.resolution());
        // Largest first: the longest tasks start early, which shortens the tail of a parallel run.
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Resolution resolution = candidates.get(i);
            for (int crf : plan.crfs()) {
                futures.add(CompletableFuture.supplyAsync(() -> trial(reference, resolution, crf), executor));
            }
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    }
}
