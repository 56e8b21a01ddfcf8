package dev.reel.encoder.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.encoder.ladder.Resolution;
import dev.reel.encoder.ladder.Rung;
import dev.reel.encoder.ladder.VbrSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RungAssemblerTest {

    private static final Rung RUNG = Rung.cappedVbr(new Resolution(320, 180), 400_000, VbrSettings.DEFAULT, null, null);

    @TempDir
    Path dir;

    private final List<Chunk> plan = ChunkPlanner.of(Duration.ofSeconds(4)).plan(Duration.ofSeconds(12), 24, List.of());

    @Test
    void ordersChunksByPlan() throws IOException {
        List<EncodedChunk> encoded = new ArrayList<>(encodeAll());
        java.util.Collections.reverse(encoded);

        assertThat(RungAssembler.orderedFiles(plan, encoded))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("chunk-00000.mp4", "chunk-00001.mp4", "chunk-00002.mp4");
    }

    @Test
    void missingChunkIsNamed() throws IOException {
        List<EncodedChunk> encoded = new ArrayList<>(encodeAll());
        encoded.remove(1);

        assertThatThrownBy(() -> RungAssembler.orderedFiles(plan, encoded))
                .isInstanceOf(ChunkAssemblyException.class)
                .hasMessageContaining("chunk 1 [4.000 s, 8.000 s) is missing");
    }

    @Test
    void chunkWhoseFileIsGoneIsNamed() throws IOException {
        List<EncodedChunk> encoded = encodeAll();
        Files.delete(encoded.get(2).file());

        assertThatThrownBy(() -> RungAssembler.orderedFiles(plan, encoded))
                .isInstanceOf(ChunkAssemblyException.class)
                .hasMessageContaining("chunk 2 ")
                .hasMessageContaining("no file");
    }

    @Test
    void duplicatedChunkIsNamed() throws IOException {
        List<EncodedChunk> encoded = new ArrayList<>(encodeAll());
        encoded.add(encoded.get(0));

        assertThatThrownBy(() -> RungAssembler.orderedFiles(plan, encoded))
                .isInstanceOf(ChunkAssemblyException.class)
                .hasMessageContaining("chunk 0 [0.000 s, 4.000 s)")
                .hasMessageContaining("duplicated");
    }

    @Test
    void chunkFromAnotherPlanIsRejected() throws IOException {
        List<EncodedChunk> encoded = new ArrayList<>(encodeAll());
        Chunk foreign = new Chunk(1, Duration.ofSeconds(3), Duration.ofSeconds(4));
        encoded.set(1, new EncodedChunk(foreign, RUNG, encoded.get(1).file()));

        assertThatThrownBy(() -> RungAssembler.orderedFiles(plan, encoded))
                .isInstanceOf(ChunkAssemblyException.class)
                .hasMessageContaining("not in the plan");
    }

    @Test
    void forcedKeyframeExpressionCountsFromTheChunksFirstSegmentBoundary() {
        assertThat(ChunkEncoder.forceKeyFrames(Duration.ofSeconds(4), 24, 96))
                .isEqualTo("expr:gte(n,floor((n_forced+1)*96.000000000+0.5)-96)");
        assertThat(ChunkEncoder.forceKeyFrames(Duration.ofSeconds(4), 24, 0))
                .isEqualTo("expr:gte(n,floor((n_forced+0)*96.000000000+0.5)-0)");
    }

    private List<EncodedChunk> encodeAll() throws IOException {
        List<EncodedChunk> encoded = new ArrayList<>();
        for (Chunk chunk : plan) {
            Path file = Files.writeString(ChunkEncoder.chunkFile(dir, chunk), "x");
            encoded.add(new EncodedChunk(chunk, RUNG, file));
        }
        return encoded;
    }
}
