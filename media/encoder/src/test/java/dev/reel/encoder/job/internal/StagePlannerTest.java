package dev.reel.encoder.job.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.encoder.chunk.Chunk;
import dev.reel.encoder.job.JobState;
import dev.reel.encoder.ladder.Resolution;
import dev.reel.encoder.ladder.Rung;
import dev.reel.encoder.ladder.VbrSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagePlannerTest {

    private static final VbrSettings VBR = new VbrSettings(1.5, 2.0, 1);

    @Test
    void stagesFollowTheLifecycle() {
        assertThat(StagePlanner.next(JobState.QUEUED)).isEqualTo(JobState.ANALYSING);
        assertThat(StagePlanner.next(JobState.ANALYSING)).isEqualTo(JobState.ENCODING);
        assertThat(StagePlanner.next(JobState.ENCODING)).isEqualTo(JobState.PACKAGING);
        assertThat(StagePlanner.next(JobState.PACKAGING)).isEqualTo(JobState.PUBLISHING);
        assertThat(StagePlanner.next(JobState.PUBLISHING)).isNull();
        assertThat(StagePlanner.analysing()).extracting(TaskSpec::kind).containsExactly(TaskKind.ANALYSE);
        assertThat(StagePlanner.packaging()).extracting(TaskSpec::kind).containsExactly(TaskKind.PACKAGE);
        assertThat(StagePlanner.publishing()).extracting(TaskSpec::kind).containsExactly(TaskKind.PUBLISH);
        for (TaskKind kind : TaskKind.values()) {
            assertThat(kind.stage().finished()).isFalse();
        }
    }

    @Test
    void encodingIsEveryRungTimesEveryChunkPlusAudioSubtitlesAndTrickplay() {
        List<Rung> rungs = List.of(
                Rung.cappedVbr(new Resolution(256, 144), 100_000, VBR, null, null),
                Rung.cappedVbr(new Resolution(320, 180), 250_000, VBR, null, null));
        List<Chunk> chunks = List.of(
                new Chunk(0, Duration.ZERO, Duration.ofSeconds(4)),
                new Chunk(1, Duration.ofSeconds(4), Duration.ofSeconds(3)));

        List<TaskSpec> tasks = StagePlanner.encoding(rungs, chunks, 2, 2, Duration.ofSeconds(7));

        List<TaskSpec> video =
                tasks.stream().filter(t -> t.kind() == TaskKind.VIDEO_CHUNK).toList();
        assertThat(video)
                .extracting(t -> List.of(t.rung(), t.part()))
                .containsExactly(List.of(1, 0), List.of(1, 1), List.of(0, 0), List.of(0, 1));
        // pixels × milliseconds × passes ÷ 1000
        assertThat(video.getFirst().weight()).isEqualTo(320L * 180 * 4000 * 2 / 1000);
        assertThat(video.getLast().weight()).isEqualTo(256L * 144 * 3000 * 2 / 1000);
        assertThat(tasks.stream().filter(t -> t.kind() == TaskKind.AUDIO))
                .extracting(TaskSpec::part)
                .containsExactly(0, 1);
        assertThat(tasks).filteredOn(t -> t.kind() == TaskKind.SUBTITLES).hasSize(1);
        assertThat(tasks).filteredOn(t -> t.kind() == TaskKind.TRICKPLAY).hasSize(1);
        assertThat(tasks).hasSize(4 + 2 + 1 + 1);
        assertThat(tasks).allSatisfy(t -> assertThat(t.kind().stage()).isEqualTo(JobState.ENCODING));
        // Every task is unique per (kind, rung, part), as the table requires.
        assertThat(tasks.stream()
                        .map(t -> List.of(t.kind(), t.rung(), t.part()))
                        .distinct())
                .hasSize(tasks.size());
    }

    @Test
    void aTitleWithoutRungsOrChunksCannotBeEncoded() {
        assertThatThrownBy(() -> StagePlanner.encoding(List.of(), List.of(), 1, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
