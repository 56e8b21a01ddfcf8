package dev.reel.launcher.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.launcher.DurationConverter;
import dev.reel.launcher.PercentConverter;
import dev.reel.launcher.ReelCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** {@code reel chaos} and {@code reel load} options, checked before anything is contacted. */
class ChaosCommandTest {

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
    void durationsTakeAUnit() {
        assertThat(DurationConverter.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationConverter.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse(" 2 M ")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationConverter.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(DurationConverter.format(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(DurationConverter.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThatThrownBy(() -> DurationConverter.parse("30"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("'30' is not a duration; use a number and a unit: 500ms, 30s, 10m or 1h");
        assertThatThrownBy(() -> DurationConverter.parse("0s")).hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> DurationConverter.parse("1d")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> DurationConverter.parse("-5s")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> DurationConverter.parse("1.5h")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void percentagesTakeAnOptionalPercentSign() {
        assertThat(PercentConverter.parse("5")).isEqualTo(5);
        assertThat(PercentConverter.parse("5%")).isEqualTo(5);
        assertThat(PercentConverter.parse("100%")).isEqualTo(100);
        assertThat(PercentConverter.parse("0")).isZero();
        assertThatThrownBy(() -> PercentConverter.parse("101%"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("'101%' is not a percentage: it must be between 0 and 100");
        assertThatThrownBy(() -> PercentConverter.parse("5.5"))
                .hasMessage("'5.5' is not a percentage; use a whole number such as 5 or 5%");
        assertThatThrownBy(() -> PercentConverter.parse("%")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void aDurationWithoutUnitIsAUsageErrorInWords() {
        assertThat(run("chaos", "monkey", "--interval", "30", "--data-dir", dataDirectory.toString()))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("Invalid value for option '--interval': '30' is not a duration; use a number and a unit");
    }

    @Test
    void aBadPercentageIsAUsageErrorInWords() {
        assertThat(run("chaos", "errors", "--service", "playback", "--percent", "150%"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("'150%' is not a percentage: it must be between 0 and 100");
    }

    @Test
    void faultOptionsAreCheckedBeforeTheGatewayIsAsked() {
        assertThat(run("chaos", "errors", "--service", "playback")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--percent=PERCENT'");

        assertThat(run("chaos", "errors", "--service", "playback", "--percent", "0"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--percent must be between 1 and 100");

        assertThat(run("chaos", "latency", "--service", "playbak", "--ms", "100"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--service: unknown service 'playbak'; known services: registry,");

        assertThat(run("chaos", "latency", "--service", "playback", "--ms", "0"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--ms must be between 1 and 60000, not 0");

        assertThat(run("chaos", "latency", "--service", "playback", "--ms", "100", "--duration", "2h"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--duration must be between 1s and 1h, not 2h");
    }

    @Test
    void experimentOptionsAreChecked() {
        String[] base = {"chaos", "experiment", "--target", "playback", "--duration", "5m"};

        assertThat(run(concat(base, "--fault", "latency", "--traffic", "5%"))).isEqualTo(2);
        assertThat(err.toString()).contains("--fault latency needs --ms between 1 and 60000");

        assertThat(run(concat(base, "--fault", "errors", "--ms", "100", "--traffic", "5%")))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--ms only goes with --fault latency");

        assertThat(run(concat(base, "--fault", "kill", "--traffic", "60%"))).isEqualTo(2);
        assertThat(err.toString()).contains("--traffic must be between 1% and 50%, not 60%");

        assertThat(run(concat(base, "--fault", "slow", "--traffic", "5"))).isEqualTo(2);
        assertThat(err.toString()).contains("fault must be latency, errors or kill, not 'slow'");

        assertThat(run("chaos", "experiment", "--target", "playback", "--fault", "kill", "--traffic", "5"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--duration=DURATION'");
    }

    @Test
    void monkeyAndGorillaNeedARunningReel() {
        assertThat(run("chaos", "monkey", "--data-dir", dataDirectory.toString()))
                .isEqualTo(3);
        assertThat(err.toString()).contains("Reel is not running on " + dataDirectory);

        assertThat(run("chaos", "gorilla", "--zone", "zone-a", "--data-dir", dataDirectory.toString()))
                .isEqualTo(3);
        assertThat(dataDirectory).isEmptyDirectory();
    }

    @Test
    void chaosAloneListsItsCommands() {
        assertThat(run("chaos")).isZero();
        assertThat(out.toString())
                .contains("monkey", "latency", "errors", "clear", "gorilla", "experiment", "status")
                .contains("Percentages: 5 or 5%.");
        assertThat(err.toString()).as("no picocli format warning").isEmpty();
    }

    @Test
    void experimentHelpRendersItsPercentages() {
        assertThat(run("chaos", "experiment", "--help")).isZero();
        assertThat(out.toString()).contains("(5%: 5%").doesNotContain("%%");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void loadOptionsAreUsageErrors() {
        assertThat(run("load")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--starts-per-second=N'");

        assertThat(run("load", "--starts-per-second", "5", "--duration", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("'10' is not a duration");

        assertThat(run("load", "--starts-per-second", "0", "--data-dir", dataDirectory.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("starts per second must be above 0");

        assertThat(run("load", "--starts-per-second", "2", "--viewers", "500", "--data-dir", dataDirectory.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("viewers must be between 0 (pick for me) and 200, was 500");
        assertThat(dataDirectory).isEmptyDirectory();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
