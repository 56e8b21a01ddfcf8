package dev.reel.encoder.chunk;

import dev.reel.encoder.chunk.internal.ConcatList;
import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.probe.MediaInfo;
import dev.reel.encoder.probe.MediaProber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Joins a rung's chunks, in plan order, with ffmpeg's concat demuxer and {@code -c copy} (no re-encoding), then checks
 * the result against the source with an {@link AssemblyVerifier}: duration within one frame, the same frame count, and
 * a keyframe at every segment boundary. {@link #checkAligned} compares keyframes across rungs. The assembled file is
 * written under a temporary name and renamed into place. Thread-safe.
 */
public final class RungAssembler {

    private final FfmpegRunner runner;
    private final MediaProber prober;

    public RungAssembler(FfmpegRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.prober = new MediaProber(runner);
    }

    /**
     * Assembles one rung and verifies it.
     *
     * @param plan the chunk plan the rung was encoded from
     * @param chunks the rung's encoded chunks, in any order
     * @param output the assembled MP4 (replaced if present)
     * @throws ChunkAssemblyException if a chunk of the plan is missing (or its file is), appears twice, or is not
     *     in the plan; the message names the chunk
     * @throws dev.reel.encoder.ffmpeg.FfmpegException if ffmpeg fails
     */
    public RungVerification assemble(
            List<Chunk> plan, List<EncodedChunk> chunks, AssemblyVerifier verifier, Path output) {
        List<Path> files = orderedFiles(plan, chunks);
        String label = chunks.isEmpty() ? "rung" : chunks.getFirst().rung().toString();
        Path dir = output.toAbsolutePath().getParent();
        String id = UUID.randomUUID().toString();
        Path list = dir.resolve("." + output.getFileName() + "." + id + ".ffconcat");
        Path temp = dir.resolve("." + output.getFileName() + "." + id + ".partial");
        try {
            Files.createDirectories(dir);
            Files.writeString(list, ConcatList.of(files));
            runner.ffmpeg(List.of(
                    "-f",
                    "concat",
                    "-safe",
                    "0",
                    "-i",
                    FfmpegRunner.fileArgument(list),
                    "-map",
                    "0:v:0",
                    "-c",
                    "copy",
                    "-f",
                    "mp4",
                    FfmpegRunner.fileArgument(temp)));
            try {
                Files.move(temp, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(list);
            deleteQuietly(temp);
        }
        return verify(label, output, verifier);
    }

    /** Probes an assembled rung and checks it against the source. */
    public RungVerification verify(String label, Path file, AssemblyVerifier verifier) {
        MediaInfo info = prober.probe(file, true);
        long frames = info.videoFrameCount();
        List<Duration> keyframes = info.keyframeTimes() == null ? List.of() : info.keyframeTimes();
        return new RungVerification(
                label, file, info.duration(), frames, keyframes, verifier.check(info.duration(), frames, keyframes));
    }

    /** Problems of keyframe alignment across the given rungs (empty when aligned). */
    public static List<String> checkAligned(AssemblyVerifier verifier, List<RungVerification> rungs) {
        Map<String, List<Duration>> byRung = new LinkedHashMap<>();
        for (RungVerification rung : rungs) {
            byRung.put(rung.label(), rung.keyframes());
        }
        return verifier.checkAligned(byRung);
    }

    /**
     * The chunk files in plan order.
     *
     * @throws ChunkAssemblyException naming the first missing, duplicated or unplanned chunk
     */
    static List<Path> orderedFiles(List<Chunk> plan, List<EncodedChunk> chunks) {
        Map<Integer, EncodedChunk> byIndex = new TreeMap<>();
        for (EncodedChunk encoded : chunks) {
            int index = encoded.chunk().index();
            if (index >= plan.size() || !plan.get(index).equals(encoded.chunk())) {
                throw new ChunkAssemblyException(
                        encoded.chunk() + " of " + encoded.rung() + " is not in the plan (" + encoded.file() + ")");
            }
            EncodedChunk previous = byIndex.putIfAbsent(index, encoded);
            if (previous != null) {
                throw new ChunkAssemblyException(encoded.chunk() + " of " + encoded.rung() + " is duplicated: "
                        + previous.file() + " and " + encoded.file());
            }
        }
        List<Path> files = new ArrayList<>(plan.size());
        for (Chunk chunk : plan) {
            EncodedChunk encoded = byIndex.get(chunk.index());
            if (encoded == null) {
                throw new ChunkAssemblyException(chunk + " is missing");
            }
            if (!Files.isRegularFile(encoded.file())) {
                throw new ChunkAssemblyException(
                        chunk + " of " + encoded.rung() + " is missing: no file " + encoded.file());
            }
            files.add(encoded.file());
        }
        return files;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Best effort: only temporary names are left behind.
        }
    }
}
