package dev.reel.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's contract without starting anything: usage errors, help, and commands on an idle data dir. */
class ReelCommandTest {

    @TempDir
    Path dataDirectory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = ReelCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("up", "status", "logs", "down", "chaos", "load");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command").contains("chaos, load");
    }

    @Test
    void badInstancesAreAUsageErrorNamingTheProblem() {
        assertThat(run("up", "--instances", "catalog=x", "--data-dir", dataDirectory.toString()))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("Invalid value for option '--instances'")
                .contains("count for catalog must be a number, not 'x'");
        assertThat(dataDirectory).isEmptyDirectory();
    }

    @Test
    void statusOfAnIdleDataDirectoryExitsWithThree() {
        assertThat(run("status", "--data-dir", dataDirectory.toString())).isEqualTo(3);
        assertThat(out.toString()).isEqualTo("Reel is not running." + System.lineSeparator());
    }

    @Test
    void downOfAnIdleDataDirectorySucceeds() {
        assertThat(run("down", "--data-dir", dataDirectory.toString())).isZero();
        assertThat(out.toString()).contains("Reel is not running.");
    }

    @Test
    void downDeletesStaleChaosHolds() throws Exception {
        Path holds = Files.createDirectories(dataDirectory.resolve("run/holds"));
        Files.writeString(holds.resolve("catalog-0"), "99999999999999");

        assertThat(run("down", "--data-dir", dataDirectory.toString())).isZero();
        assertThat(holds).isEmptyDirectory();
    }

    @Test
    void logsOfAnUnknownServiceListsTheKnownOnes() {
        assertThat(run("logs", "catalogue", "--data-dir", dataDirectory.toString()))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "Unknown service 'catalogue'. Known services: registry, config, identity, catalog, encoder, gateway,"
                                + " playback, steering, viewing, search, personalization, origin, isp-a, isp-b, infra,"
                                + " postgres.");
    }

    @Test
    void logsPrefixesEachInstance() throws Exception {
        Path logs = Files.createDirectories(dataDirectory.resolve("logs"));
        Files.writeString(logs.resolve("catalog-0.log"), "a0\nb0\n");
        Files.writeString(logs.resolve("catalog-1.log"), "a1\nb1\n");
        Files.writeString(logs.resolve("catalog-10.log"), "a10\n");

        assertThat(run("logs", "catalog", "-n", "1", "--data-dir", dataDirectory.toString()))
                .isZero();
        assertThat(out.toString().lines()).containsExactly("catalog-0 | b0", "catalog-1 | b1", "catalog-10 | a10");
    }

    @Test
    void logsOfOneInstanceAreNotPrefixed() throws Exception {
        Path logs = Files.createDirectories(dataDirectory.resolve("logs"));
        Files.writeString(logs.resolve("catalog-1.log"), "a1\nb1\n");

        assertThat(run("logs", "catalog", "--instance", "1", "--data-dir", dataDirectory.toString()))
                .isZero();
        assertThat(out.toString().lines()).containsExactly("a1", "b1");
    }

    @Test
    void logsOfAServiceWithoutFilesSaysSo() {
        assertThat(run("logs", "identity", "--data-dir", dataDirectory.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("No logs for identity");
    }
}
