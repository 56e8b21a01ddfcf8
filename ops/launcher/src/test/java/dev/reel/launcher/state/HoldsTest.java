package dev.reel.launcher.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoldsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T19:00:00Z");
    private static final Duration BACKOFF = Duration.ofSeconds(2);

    @TempDir
    Path directory;

    private Holds holds() {
        return new Holds(directory.resolve("run/holds"));
    }

    @Test
    void aHoldIsWrittenAsEpochMillisAndReadBack() throws Exception {
        Instant until = Instant.parse("2026-11-23T19:00:30.250Z");

        holds().hold("catalog-1", until);

        assertThat(Files.readString(directory.resolve("run/holds/catalog-1")).strip())
                .isEqualTo(String.valueOf(until.toEpochMilli()));
        assertThat(holds().read("catalog-1")).contains(until);
        assertThat(holds().read("catalog-0")).isEmpty();
        assertThat(directory.resolve("run/holds")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aHoldInTheFutureReplacesTheBackoffWithTheTimeUntilItEnds() {
        holds().hold("catalog-1", NOW.plusSeconds(30));

        Holds.RestartDelay delay = holds().restartDelay("catalog-1", BACKOFF, NOW);

        assertThat(delay.delay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(delay.heldUntil()).contains(NOW.plusSeconds(30));
    }

    @Test
    void anEndedHoldOrNoHoldKeepsTheBackoff() {
        holds().hold("catalog-1", NOW.minusSeconds(1));

        assertThat(holds().restartDelay("catalog-1", BACKOFF, NOW))
                .isEqualTo(new Holds.RestartDelay(BACKOFF, Optional.empty()));
        assertThat(holds().restartDelay("identity-0", BACKOFF, NOW))
                .isEqualTo(new Holds.RestartDelay(BACKOFF, Optional.empty()));
        assertThat(Holds.decide(Optional.of(NOW), BACKOFF, NOW).delay())
                .as("a hold ending now is over")
                .isEqualTo(BACKOFF);
    }

    @Test
    void aCorruptHoldIsIgnoredAndDeleted() throws Exception {
        Path file = Files.createDirectories(directory.resolve("run/holds")).resolve("playback-0");
        Files.writeString(file, "tomorrow\n");

        assertThat(holds().restartDelay("playback-0", BACKOFF, NOW).delay()).isEqualTo(BACKOFF);
        assertThat(file).doesNotExist();

        Files.writeString(file, "-5");
        assertThat(holds().read("playback-0")).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void releaseDeletesOneHoldAndClearDeletesAll() {
        holds().hold("catalog-0", NOW);
        holds().hold("catalog-1", NOW);
        holds().hold("identity-0", NOW);

        holds().release("catalog-0");
        assertThat(holds().read("catalog-0")).isEmpty();
        assertThat(holds().read("catalog-1")).isPresent();

        assertThat(holds().clear()).isEqualTo(2);
        assertThat(directory.resolve("run/holds")).isEmptyDirectory();
        assertThat(new Holds(directory.resolve("missing")).clear()).isZero();
    }

    @Test
    void onlyInstanceNamesAreHoldFiles() {
        assertThatIllegalArgumentException().isThrownBy(() -> holds().hold("../state.json", NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> holds().read("catalog"));
    }
}
