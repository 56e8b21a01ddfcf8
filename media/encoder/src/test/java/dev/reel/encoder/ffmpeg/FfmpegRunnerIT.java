package dev.reel.encoder.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegRunnerIT {

    @TempDir
    Path work;

    private final List<FfmpegResult> completed = new CopyOnWriteArrayList<>();
    private final FfmpegRunner runner = FfmpegRunner.fromEnvironment().withListener(completed::add);

    @Test
    void reportsCpuTimeOfASuccessfulRun() {
        FfmpegResult result = runner.ffmpeg(List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=s=320x240:r=24:d=1",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                FfmpegRunner.fileArgument(work.resolve("out.mp4"))));

        assertThat(result.cpuTime()).isNotNull();
        assertThat(result.cpuTime().total()).isPositive();
        assertThat(result.wallTime()).isPositive();
        assertThat(result.command().getFirst()).endsWith("ffmpeg");
        assertThat(completed).containsExactly(result);
    }

    @Test
    void failureCarriesExitCodeAndTheTailOfStderr() {
        assertThatThrownBy(() -> runner.ffmpeg(
                        List.of("-i", FfmpegRunner.fileArgument(work.resolve("missing.mp4")), "-f", "null", "-")))
                .isInstanceOfSatisfying(FfmpegException.class, e -> {
                    assertThat(e.exitCode()).isNotZero().isNotEqualTo(FfmpegException.NO_EXIT_CODE);
                    assertThat(e.stderrTail()).contains("No such file");
                    assertThat(e.getMessage()).contains("ffmpeg, exit", "No such file");
                });
        assertThat(completed).isEmpty();
    }

    @Test
    void runPastItsTimeoutIsKilled() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> runner.ffmpeg(
                        List.of("-re", "-f", "lavfi", "-i", "testsrc2=s=160x120:r=10", "-f", "null", "-"),
                        Duration.ofSeconds(1)))
                .isInstanceOf(FfmpegTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void ffprobeOutputIsCaptured() {
        FfmpegResult result = runner.ffprobe(List.of(
                "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=160x120:r=10:d=1", "-show_streams", "-of", "json"));

        assertThat(result.stdout()).contains("\"codec_type\": \"video\"");
        assertThat(result.cpuTime()).isNull();
    }
}
