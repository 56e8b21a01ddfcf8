package dev.reel.launcher.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    private final StringWriter text = new StringWriter();
    private long now;
    private final Upload upload = new Upload(UUID.fromString("00000000-0000-0000-0000-000000000001"), 0, 0, "", null);

    @Test
    void plainOutputPrintsAtMostOneLineEveryFiveSecondsAndTheLastOne() {
        var progress = new ConsoleProgress(new PrintWriter(text), false, () -> now);
        progress.started(upload, 0, 10_000_000, false);
        for (int second = 1; second <= 10; second++) {
            now = second * 1_000_000_000L;
            progress.progress(second * 1_000_000L, 10_000_000);
        }
        progress.progress(10_000_000, 10_000_000); // repeated by the final response: not printed again
        progress.completed(upload);

        assertThat(text.toString().lines())
                .containsExactly(
                        "Uploading 10.0 MB (upload 00000000-0000-0000-0000-000000000001)",
                        "upload 10% (1.0 MB of 10.0 MB) at 1.0 MB/s, ETA 0:09",
                        "upload 60% (6.0 MB of 10.0 MB) at 1.0 MB/s, ETA 0:04",
                        "upload 100% (10.0 MB of 10.0 MB) at 1.0 MB/s, ETA 0:00");
    }

    @Test
    void aTerminalLineIsRedrawnInPlaceAndEndedBeforeOtherMessages() {
        var progress = new ConsoleProgress(new PrintWriter(text), true, () -> now);
        progress.started(upload, 5_000_000, 10_000_000, true);
        now = 1_000_000_000L;
        progress.progress(6_000_000, 10_000_000);
        now += 50_000_000L; // within 100 ms: not redrawn
        progress.progress(6_500_000, 10_000_000);
        progress.retrying("Connection reset.", Duration.ofSeconds(2));

        assertThat(text.toString())
                .startsWith("Resuming upload 00000000-0000-0000-0000-000000000001 at 5.0 MB of 10.0 MB\n")
                .contains("\r[==================>           ]  60%  6.0 MB / 10.0 MB  1.0 MB/s  ETA 0:04\u001b[K\n")
                .doesNotContain("6.5 MB")
                .endsWith("Connection problem: Connection reset. Retrying in 2 s.\n");
    }

    @Test
    void jobUpdatesPrintOnEveryStateChange() {
        var progress = new ConsoleProgress(new PrintWriter(text), false, () -> now);
        UUID id = UUID.randomUUID();
        progress.update(new Job(id, "QUEUED", null, 0, null, null));
        progress.update(new Job(id, "QUEUED", null, 0, null, null));
        progress.update(new Job(id, "ENCODING", null, 10, 90L, null));
        progress.update(new Job(id, "DONE", null, 100, 0L, null));

        assertThat(text.toString().lines())
                .containsExactly("job 0% queued", "job 10% encoding, ETA 1:30", "job 100% done");
    }
}
