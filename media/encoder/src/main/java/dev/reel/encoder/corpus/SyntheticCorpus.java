package dev.reel.encoder.corpus;

import dev.reel.encoder.ffmpeg.FfmpegRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Generates synthetic masters with ffmpeg. Thread-safe. */
public final class SyntheticCorpus {

    private final FfmpegRunner runner;

    public SyntheticCorpus(FfmpegRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * Generates one master at {@code directory/<clip id>.mp4}, overwriting it: H.264 (x264 at the spec's CRF and
     * preset, 2 s GOPs) and a 128 kbit/s stereo AAC sine tone tagged English.
     *
     * @param threads ffmpeg threads, 0 for ffmpeg's choice
     * @throws dev.reel.encoder.ffmpeg.FfmpegException if ffmpeg fails
     */
    public SyntheticMaster generate(SyntheticClip clip, CorpusSpec spec, Path directory, int threads) {
        Path file = directory.resolve(clip.id() + ".mp4");
        String seconds = SyntheticClip.format(spec.seconds());
        String threadCount = Integer.toString(threads);
        runner.ffmpeg(List.of(
                "-filter_threads",
                threadCount,
                "-f",
                "lavfi",
                "-i",
                clip.videoGraph(spec.width(), spec.height(), spec.frameRate(), spec.seconds()),
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=" + clip.toneHz() + ":sample_rate=48000",
                "-t",
                seconds,
                "-map",
                "0:v",
                "-map",
                "1:a",
                "-c:v",
                "libx264",
                "-preset",
                spec.preset(),
                "-crf",
                Integer.toString(spec.masterCrf()),
                "-pix_fmt",
                "yuv420p",
                "-g",
                Integer.toString(spec.frameRate() * 2),
                "-threads",
                threadCount,
                "-c:a",
                "aac",
                "-b:a",
                "128k",
                "-ac",
                "2",
                "-metadata:s:a:0",
                "language=eng",
                "-metadata",
                "title=" + clip.description(),
                "-movflags",
                "+faststart",
                FfmpegRunner.fileArgument(file)));
        return new SyntheticMaster(clip, file);
    }

    /**
     * Generates every clip of {@code spec} into {@code directory}, each as a task on {@code executor}.
     *
     * @return the masters in the spec's order, or a future completed exceptionally with the first failure
     */
    public CompletableFuture<List<SyntheticMaster>> generateAll(
            CorpusSpec spec, Path directory, int threads, Executor executor) {
        List<CompletableFuture<SyntheticMaster>> futures = new ArrayList<>();
        for (SyntheticClip clip : spec.clips()) {
            futures.add(CompletableFuture.supplyAsync(() -> generate(clip, spec, directory, threads), executor));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    }
}
