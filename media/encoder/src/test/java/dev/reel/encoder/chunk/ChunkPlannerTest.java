package dev.reel.encoder.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkPlannerTest {

    private static final ChunkPlanner TWELVE = ChunkPlanner.of(Duration.ofSeconds(12));

    @Test
    void exactMultipleWithKeyframesOnEverySegmentMakesTargetChunks() {
        List<Chunk> chunks = TWELVE.plan(seconds(48), 24, keyframesEvery(2, 48));

        assertThat(chunks).extracting(c -> c.start().toSeconds()).containsExactly(0L, 12L, 24L, 36L);
        assertThat(chunks).allSatisfy(c -> assertThat(c.duration()).isEqualTo(seconds(12)));
        assertCovers(chunks, seconds(48));
    }

    @Test
    void prefersSegmentBoundariesWhereTheSourceHasAKeyframe() {
        // 12, 24 and 36 are not keyframes; 16, 28 and 40 are.
        List<Duration> keys = List.of(seconds(0), seconds(16), seconds(28), seconds(40));
        List<Chunk> chunks = TWELVE.plan(seconds(48), 25, keys);

        assertThat(chunks).extracting(c -> c.start().toSeconds()).containsExactly(0L, 16L, 28L, 40L);
        assertCovers(chunks, seconds(48));
        assertThat(chunks).allSatisfy(c -> assertThat(c.start().toSeconds() % 4).isZero());
    }

    @Test
    void keyframesOffTheSegmentGridFallBackToTheNearestSegmentBoundary() {
        // No keyframe on a 4 s boundary between 6 s and 18 s: take the boundary nearest 12 s.
        List<Chunk> chunks = TWELVE.plan(seconds(30), 24, List.of(seconds(0), seconds(7), seconds(17), seconds(27)));

        assertThat(chunks).extracting(c -> c.start().toSeconds()).containsExactly(0L, 12L);
        assertThat(chunks.get(1).duration()).isEqualTo(seconds(18));
        assertCovers(chunks, seconds(30));
    }

    @Test
    void keyframeWithinHalfAFrameCountsAsOnTheBoundary() {
        List<Duration> keys = List.of(Duration.ZERO, Duration.ofMillis(16_010), Duration.ofMillis(32_040));
        List<Chunk> chunks = TWELVE.plan(seconds(40), 24, keys);

        assertThat(chunks).extracting(c -> c.start().toSeconds()).containsExactly(0L, 16L, 28L);
        assertCovers(chunks, seconds(40));
    }

    @Test
    void shortSourceIsOneChunk() {
        List<Chunk> chunks = TWELVE.plan(Duration.ofMillis(2500), 30, List.of(Duration.ZERO));

        assertThat(chunks).containsExactly(new Chunk(0, Duration.ZERO, Duration.ofMillis(2500)));
    }

    @Test
    void sourceUpToOneAndAHalfTargetsIsOneChunk() {
        assertThat(TWELVE.plan(seconds(18), 24, keyframesEvery(2, 18))).hasSize(1);
        assertThat(TWELVE.plan(Duration.ofMillis(18_001), 24, keyframesEvery(2, 18)))
                .hasSize(2);
    }

    @Test
    void oddDurationEndsWithAPartialChunkAndNoGaps() {
        Duration total = Duration.ofMillis(37_541);
        List<Chunk> chunks = TWELVE.plan(total, 29.97, List.of());

        assertCovers(chunks, total);
        assertThat(chunks.getLast().end()).isEqualTo(total);
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(c -> assertThat(c.end().toNanos() % 4_000_000_000L).isZero());
    }

    @Test
    void chunkFrameCountsAddUpToTheSource() {
        List<Chunk> chunks = ChunkPlanner.of(seconds(4)).plan(Duration.ofMillis(10_010), 29.97, List.of());
        long frames = chunks.stream().mapToLong(c -> c.frameCount(29.97)).sum();

        assertThat(frames).isEqualTo(Math.round(10.010 * 29.97));
        assertThat(chunks.get(1).firstFrame(29.97)).isEqualTo(chunks.getFirst().frameCount(29.97));
    }

    @Test
    void rejectsATargetShorterThanASegment() {
        assertThatThrownBy(() -> new ChunkPlanner(seconds(2), seconds(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one segment");
    }

    private static void assertCovers(List<Chunk> chunks, Duration total) {
        Duration expectedStart = Duration.ZERO;
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            assertThat(chunk.index()).isEqualTo(i);
            assertThat(chunk.start()).isEqualTo(expectedStart);
            expectedStart = chunk.end();
        }
        assertThat(expectedStart).isEqualTo(total);
    }

    private static List<Duration> keyframesEvery(int step, int total) {
        return IntStream.iterate(0, s -> s < total, s -> s + step)
                .mapToObj(ChunkPlannerTest::seconds)
                .toList();
    }

    private static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
