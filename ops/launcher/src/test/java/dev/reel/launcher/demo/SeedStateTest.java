package dev.reel.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.launcher.demo.SeedState.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedStateTest {

    @TempDir
    Path directory;

    private final UUID title = UUID.randomUUID();
    private final UUID job = UUID.randomUUID();

    @Test
    void aClipGoesThroughEveryStepInOrder() {
        SeedState state = SeedState.initial(List.of("a", "b"))
                .generated("a")
                .titleCreated("a", title)
                .published("a")
                .uploaded("a", job)
                .encoded("a");

        assertThat(state.clip("a")).isEqualTo(new SeedState.ClipState("a", Step.ENCODED, title, job, null));
        assertThat(state.clip("b").step()).isEqualTo(Step.PENDING);
        assertThat(state.finished()).isFalse();
        assertThat(state.summary()).isEqualTo("seeding: 1/2 titles encoded");
    }

    @Test
    void stepsOutOfOrderAreRefused() {
        SeedState fresh = SeedState.initial(List.of("a"));
        assertThatThrownBy(() -> fresh.titleCreated("a", title))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a is PENDING, not GENERATED");
        assertThatThrownBy(() -> fresh.generated("a").uploaded("a", job)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fresh.encoded("a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fresh.clip("zzz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatingAgainNeverRewindsAClip() {
        SeedState published = SeedState.initial(List.of("a"))
                .generated("a")
                .titleCreated("a", title)
                .published("a");
        assertThat(published.generated("a")).isEqualTo(published);
    }

    @Test
    void failureIsFinalAndCounted() {
        SeedState state = SeedState.initial(List.of("a", "b"))
                .generated("a")
                .titleCreated("a", title)
                .published("a")
                .uploaded("a", job)
                .encoded("a")
                .failed("b", "ffmpeg missing");

        assertThat(state.finished()).isTrue();
        assertThat(state.summary()).isEqualTo("ready: 1/2 titles encoded, 1 failed");
        assertThatThrownBy(() -> state.failed("b", "again")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> state.failed("a", "late")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFinishedSeedIsReady() {
        SeedState state = SeedState.initial(List.of("a"))
                .generated("a")
                .titleCreated("a", title)
                .published("a")
                .uploaded("a", job)
                .encoded("a");
        assertThat(state.summary()).isEqualTo("ready (1 titles)");
    }

    @Test
    void theStateSurvivesAWriteAndReadAndGainsNewClips() {
        Path file = directory.resolve("demo/seed.json");
        SeedState state = SeedState.initial(List.of("a", "b"))
                .withGenre(UUID.randomUUID())
                .generated("a")
                .titleCreated("a", title);

        state.writeTo(file);

        assertThat(SeedState.readFrom(file)).contains(state);
        assertThat(SeedState.readFrom(file)
                        .orElseThrow()
                        .including(List.of("a", "b", "c"))
                        .clips())
                .extracting(SeedState.ClipState::clip)
                .containsExactly("a", "b", "c");
    }

    @Test
    void aMissingOrCorruptFileReadsAsNoSeed() throws Exception {
        assertThat(SeedState.readFrom(directory.resolve("none.json"))).isEmpty();
        Path corrupt = Files.writeString(directory.resolve("seed.json"), "{\"clips\": [");
        assertThat(SeedState.readFrom(corrupt)).isEmpty();
    }
}
