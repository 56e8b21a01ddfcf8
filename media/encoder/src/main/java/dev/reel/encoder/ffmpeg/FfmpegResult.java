package dev.reel.encoder.ffmpeg;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a successful ffmpeg or ffprobe run.
 *
 * @param command the program and its arguments, as run
 * @param stdout standard output, as text (empty when it was streamed to a consumer instead)
 * @param stderrTail the last characters of standard error, at most the runner's configured limit
 * @param wallTime from start to exit
 * @param cpuTime the CPU time of ffmpeg's transcode loop as its {@code -benchmark} line reported it: all threads,
 *     but not the process's start-up, option parsing and input probing before the loop, nor its clean-up (tens of
 *     milliseconds per run; {@link dev.reel.encoder.farm.ChildProcessCpu} counts those). {@code null} for ffprobe,
 *     or when ffmpeg printed no benchmark line (for example at a log level below {@code info})
 */
public record FfmpegResult(
        List<String> command,
        String stdout,
        String stderrTail,
        Duration wallTime,
        @Nullable CpuTime cpuTime) {

    public FfmpegResult {
        command = List.copyOf(command);
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderrTail, "stderrTail");
        Objects.requireNonNull(wallTime, "wallTime");
    }

    /** The CPU time, or zero when unknown. */
    public CpuTime cpuTimeOrZero() {
        return cpuTime == null ? CpuTime.ZERO : cpuTime;
    }
}
