package dev.reel.encoder.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.encoder.farm.LocalFarm;
import dev.reel.encoder.ffmpeg.FfmpegException;
import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.ladder.Resolution;
import dev.reel.encoder.ladder.Rung;
import dev.reel.encoder.ladder.SourceVideo;
import dev.reel.encoder.ladder.VbrSettings;
import dev.reel.encoder.ladder.X264Settings;
import dev.reel.encoder.probe.MediaInfo;
import dev.reel.encoder.probe.MediaProber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks an 11 s 320x180 clip into 4 s chunks, encodes 2 rungs × 3 chunks on a farm, assembles and verifies. */
class ChunkedEncodeIT {

    private static final Duration SEGMENT = Duration.ofSeconds(4);
    private static final VbrSettings ONE_PASS = new VbrSettings(1.5, 2.0, 1);

    @TempDir
    Path work;

    @Test
    void chunkedEncodeAssemblesIntoAlignedRungsAndRejectsMissingOrDuplicatedChunks() throws Exception {
        FfmpegRunner runner = FfmpegRunner.fromEnvironment();
        Path master = work.resolve("master.mp4");
        runner.ffmpeg(List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x180:rate=24:duration=11",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-g",
                "48",
                "-keyint_min",
                "48",
                "-sc_threshold",
                "0",
                "-pix_fmt",
                "yuv420p",
                "-f",
                "mp4",
                FfmpegRunner.fileArgument(master)));
        MediaInfo info = new MediaProber(runner).probe(master, true);
        SourceVideo source = SourceVideo.of(master, info);
        assertThat(source.frameCount()).isEqualTo(264);

        List<Chunk> plan = new ChunkPlanner(SEGMENT, SEGMENT)
                .plan(source.duration(), source.frameRate(), List.copyOf(info.keyframeTimes()));
        assertThat(plan).extracting(c -> c.start().toMillis()).containsExactly(0L, 4000L, 8000L);

        List<Rung> rungs = List.of(
                Rung.cappedVbr(new Resolution(320, 180), 300_000, ONE_PASS, null, null),
                Rung.cappedVbr(new Resolution(160, 90), 120_000, ONE_PASS, null, null));
        ChunkEncoder encoder = new ChunkEncoder(runner, new X264Settings("veryfast", 2.0, 1), SEGMENT, 1, work);

        List<List<CompletableFuture<EncodedChunk>>> futures = new ArrayList<>();
        try (LocalFarm farm = LocalFarm.start(2)) {
            for (Rung rung : rungs) {
                Path dir = work.resolve(rung.resolution().label());
                List<CompletableFuture<EncodedChunk>> perRung = new ArrayList<>();
                for (Chunk chunk : plan) {
                    perRung.add(farm.submit(
                            0, () -> encoder.encode(source, rung, chunk, ChunkEncoder.chunkFile(dir, chunk))));
                }
                futures.add(perRung);
            }
            CompletableFuture.allOf(futures.stream().flatMap(List::stream).toArray(CompletableFuture[]::new))
                    .join();
        }
        List<List<EncodedChunk>> encoded = futures.stream()
                .map(perRung -> perRung.stream().map(CompletableFuture::join).toList())
                .toList();

        // Re-running a task overwrites its chunk in place and leaves no temporary file.
        EncodedChunk again = encoder.encode(
                source, rungs.get(1), plan.get(1), encoded.get(1).get(1).file());
        assertThat(again.file()).isEqualTo(encoded.get(1).get(1).file());
        try (Stream<Path> files = Files.list(again.file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("chunk-00000.mp4", "chunk-00001.mp4", "chunk-00002.mp4");
        }

        AssemblyVerifier verifier =
                new AssemblyVerifier(source.duration(), source.frameCount(), source.frameRate(), SEGMENT);
        RungAssembler assembler = new RungAssembler(runner);
        List<RungVerification> results = new ArrayList<>();
        for (int i = 0; i < rungs.size(); i++) {
            Path out = work.resolve("rung-" + i + ".mp4");
            RungVerification result = assembler.assemble(plan, encoded.get(i), verifier, out);
            assertThat(result.problems()).as(result.label()).isEmpty();
            assertThat(result.frames()).isEqualTo(264);
            assertThat(result.keyframes()).contains(Duration.ZERO, Duration.ofSeconds(4), Duration.ofSeconds(8));
            results.add(result);
        }
        assertThat(RungAssembler.checkAligned(verifier, results)).isEmpty();

        // Frame for frame the same pictures as the source: a chunk shifted by one frame would drop to ~15 dB.
        String psnr = runner.ffmpeg(List.of(
                        "-i",
                        FfmpegRunner.fileArgument(results.getFirst().file()),
                        "-i",
                        FfmpegRunner.fileArgument(master),
                        "-lavfi",
                        "[0:v][1:v]psnr",
                        "-f",
                        "null",
                        "-"))
                .stderrTail();
        Matcher min = Pattern.compile("PSNR .* min:([0-9.]+)").matcher(psnr);
        assertThat(min.find()).as(psnr).isTrue();
        assertThat(Double.parseDouble(min.group(1))).isGreaterThan(25);

        List<EncodedChunk> duplicated = new ArrayList<>(encoded.getFirst());
        duplicated.add(duplicated.get(2));
        assertThatThrownBy(() -> assembler.assemble(plan, duplicated, verifier, work.resolve("dup.mp4")))
                .isInstanceOf(ChunkAssemblyException.class)
                .hasMessageContaining("chunk 2 [8.000 s, 11.000 s)")
                .hasMessageContaining("duplicated");

        Files.delete(encoded.getFirst().get(1).file());
        assertThatThrownBy(() -> assembler.assemble(plan, encoded.getFirst(), verifier, work.resolve("gap.mp4")))
                .isInstanceOf(ChunkAssemblyException.class)
                .hasMessageContaining("chunk 1 [4.000 s, 8.000 s)")
                .hasMessageContaining("missing");
        assertThat(work.resolve("gap.mp4")).doesNotExist();
    }

    @Test
    void failedTaskLeavesNoChunkBehind() throws Exception {
        FfmpegRunner runner = FfmpegRunner.fromEnvironment();
        Path broken = Files.writeString(work.resolve("broken.mp4"), "not a video");
        SourceVideo source = new SourceVideo(broken, new Resolution(320, 180), 24, 96);
        Rung rung = Rung.cappedVbr(new Resolution(160, 90), 120_000, ONE_PASS, null, null);
        Chunk chunk = new Chunk(0, Duration.ZERO, SEGMENT);
        Path dir = Files.createDirectories(work.resolve("out"));
        ChunkEncoder encoder = new ChunkEncoder(runner, new X264Settings("veryfast", 2.0, 1), SEGMENT, 1, work);

        assertThatThrownBy(() -> encoder.encode(source, rung, chunk, ChunkEncoder.chunkFile(dir, chunk)))
                .isInstanceOf(FfmpegException.class);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
