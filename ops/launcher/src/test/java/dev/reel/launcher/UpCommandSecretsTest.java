package dev.reel.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.resilience.ChaosFault;
import dev.reel.resilience.ChaosSigner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secrets and stale holds {@code reel up} deals with before anything starts. */
class UpCommandSecretsTest {

    @TempDir
    Path dataDirectory;

    private final StringWriter out = new StringWriter();

    @Test
    void createsTheChaosKeyOnceNextToTheOtherSecrets() throws Exception {
        Layout layout = new Layout(dataDirectory, dataDirectory);

        UpCommand.ensureSecrets(layout, new PrintWriter(out, true));

        Path key = dataDirectory.resolve("secrets/chaos.key");
        assertThat(key).isEqualTo(layout.chaosKeyFile()).exists();
        assertThat(dataDirectory.resolve("secrets/edge-token.keys")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThat(out.toString()).contains("Created the chaos key in " + key);
        ChaosSigner signer = ChaosSigner.fromKeyFile(key).orElseThrow();
        var fault = new ChaosFault(
                "f-1",
                "playback",
                ChaosFault.Kind.ERRORS,
                20,
                0,
                Instant.ofEpochMilli(System.currentTimeMillis() + 60_000));
        assertThat(signer.verify(signer.sign(fault), Instant.now())).contains(fault);

        String first = Files.readString(key);
        out.getBuffer().setLength(0);
        UpCommand.ensureSecrets(layout, new PrintWriter(out, true));
        assertThat(Files.readString(key)).as("never replaced").isEqualTo(first);
        assertThat(out.toString()).doesNotContain("chaos key");
    }

    @Test
    void deletesHoldsAPreviousRunLeft() throws Exception {
        Layout layout = new Layout(dataDirectory, dataDirectory);
        Path holds = Files.createDirectories(layout.holdsDirectory());
        Files.writeString(holds.resolve("catalog-1"), "99999999999999");

        UpCommand.clearStaleHolds(layout, new PrintWriter(out, true));

        assertThat(holds).isEmptyDirectory();
        assertThat(out.toString()).contains("Deleted 1 stale chaos hold(s)");
    }
}
