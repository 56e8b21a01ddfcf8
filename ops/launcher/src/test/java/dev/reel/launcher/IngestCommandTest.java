package dev.reel.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.launcher.studio.Ladder;
import dev.reel.launcher.studio.Profile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** {@code reel ingest}'s options and the errors it reports before contacting Reel. */
class IngestCommandTest {

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = ReelCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void chunkSizesTakeBinaryAndDecimalUnits() {
        var sizes = new IngestCommand.SizeConverter();
        assertThat(sizes.convert("8MiB")).isEqualTo(8L << 20);
        assertThat(sizes.convert("8m")).isEqualTo(8L << 20);
        assertThat(sizes.convert("512 KiB")).isEqualTo(512L << 10);
        assertThat(sizes.convert("2MB")).isEqualTo(2_000_000L);
        assertThat(sizes.convert("4096")).isEqualTo(4096L);
        assertThatThrownBy(() -> sizes.convert("65MiB")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> sizes.convert("12"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("between 1KiB and 64MiB");
        assertThatThrownBy(() -> sizes.convert("8 parsecs")).hasMessageContaining("unknown unit 'parsecs'");
    }

    @Test
    void ladderAndProfileAcceptTheirCommandLineForms() {
        assertThat(IngestCommand.parseEnum(Ladder.class, "per-title")).isEqualTo(Ladder.PER_TITLE);
        assertThat(IngestCommand.parseEnum(Ladder.class, "FIXED")).isEqualTo(Ladder.FIXED);
        assertThat(IngestCommand.parseEnum(Profile.class, "fast")).isEqualTo(Profile.FAST);
        assertThatThrownBy(() -> IngestCommand.parseEnum(Ladder.class, "tall"))
                .hasMessage("'tall' is not one of per-title, fixed");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = directory.resolve("nope.mp4");
        int exit = run(
                "ingest",
                missing.toString(),
                "--title",
                UUID.randomUUID().toString(),
                "--data-dir",
                directory.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("No such file: " + missing + System.lineSeparator());
    }

    @Test
    void withoutAdminCredentialsOrTokenItSaysHowToGetThem() throws Exception {
        Path master = Files.writeString(directory.resolve("m.mp4"), "x");
        int exit = run(
                "ingest",
                master.toString(),
                "--title",
                UUID.randomUUID().toString(),
                "--data-dir",
                directory.resolve("data").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("No admin credentials")
                .contains("reel up")
                .contains("REEL_TOKEN");
        assertThat(directory.resolve("data/admin.properties"))
                .as("never created by ingest")
                .doesNotExist();
    }

    @Test
    void theTitleMustBeAUuidAndIsRequired() {
        assertThat(run("ingest", "m.mp4")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--title=ID'");
        assertThat(run("ingest", "m.mp4", "--title", "not-a-uuid")).isEqualTo(2);
        assertThat(run("ingest", "m.mp4", "--title", UUID.randomUUID().toString(), "--ladder", "tall"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("'tall' is not one of per-title, fixed");
    }
}
