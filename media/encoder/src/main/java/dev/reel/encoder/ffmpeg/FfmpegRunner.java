package dev.reel.encoder.ffmpeg;

import dev.reel.encoder.ffmpeg.internal.BenchmarkLine;
import dev.reel.encoder.ffmpeg.internal.TailBuffer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs ffmpeg and ffprobe as child processes, from argument lists and never through a shell.
 *
 * <p>Every ffmpeg run gets {@code -hide_banner -nostdin -nostats -y -benchmark} in front of the caller's arguments:
 * output files are overwritten, and the {@code bench:} line ffmpeg prints at exit gives the process's CPU time
 * ({@link FfmpegResult#cpuTime()}). ffmpeg prints that line at log level {@code info}, so callers that want their CPU
 * time counted (every encoder task does) must not lower the level with {@code -v error}. Every ffprobe run gets {@code -hide_banner}. Standard error is kept up to a
 * bounded tail; standard output is either captured up to a limit or streamed line by line to the caller.
 *
 * <p>A run that exits non-zero, cannot start, or is interrupted throws {@link FfmpegException} (interruption also
 * re-sets the thread's interrupt flag); one that outlives its timeout is killed and throws {@link
 * FfmpegTimeoutException}. Both carry the tail of stderr. Successful runs are reported to the configured {@link
 * FfmpegListener}. Instances are immutable and thread-safe; build one with {@link #builder()}.
 */
public final class FfmpegRunner {

    private final FfmpegBinaries binaries;
    private final Duration timeout;
    private final int stderrTailChars;
    private final int stdoutLimitChars;
    private final FfmpegListener listener;

    private FfmpegRunner(Builder builder) {
        this.binaries = Objects.requireNonNull(builder.binaries, "binaries");
        this.timeout = builder.timeout;
        this.stderrTailChars = builder.stderrTailChars;
        this.stdoutLimitChars = builder.stdoutLimitChars;
        this.listener = builder.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A runner with the binaries from the environment ({@link FfmpegBinaries#locate()}) and default limits.
     *
     * @throws FfmpegNotFoundException if ffmpeg or ffprobe cannot be found
     */
    public static FfmpegRunner fromEnvironment() {
        return builder().binaries(FfmpegBinaries.locate()).build();
    }

    /**
     * The argument that names {@code path} to ffmpeg or ffprobe as a plain local file: an absolute path behind the
     * {@code file:} protocol, so that names containing a colon or starting with a dash are never read as a protocol
     * ({@code concat:}, {@code http:}) or an option. Use it for every input and output path.
     */
    public static String fileArgument(Path path) {
        return "file:" + path.toAbsolutePath().normalize();
    }

    public FfmpegBinaries binaries() {
        return binaries;
    }

    /** The timeout used by the overloads that take none. */
    public Duration defaultTimeout() {
        return timeout;
    }

    /** A copy of this runner that reports to {@code listener} instead. */
    public FfmpegRunner withListener(FfmpegListener listener) {
        return toBuilder().listener(listener).build();
    }

    /** A builder holding this runner's settings. */
    public Builder toBuilder() {
        return builder()
                .binaries(binaries)
                .timeout(timeout)
                .stderrTailChars(stderrTailChars)
                .stdoutLimitChars(stdoutLimitChars)
                .listener(listener);
    }

    /**
     * Runs ffmpeg with the default timeout.
     *
     * @param args ffmpeg's arguments after the global options this runner adds
     * @throws FfmpegException if it fails, see the class description
     */
    public FfmpegResult ffmpeg(List<String> args) {
        return ffmpeg(args, timeout);
    }

    /**
     * Runs ffmpeg with the given timeout.
     *
     * @throws FfmpegException if it fails, see the class description
     */
    public FfmpegResult ffmpeg(List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>(args.size() + 7);
        command.add(binaries.ffmpeg().toString());
        command.addAll(List.of("-hide_banner", "-nostdin", "-nostats", "-y", "-benchmark"));
        command.addAll(args);
        return run(command, timeout, null);
    }

    /**
     * Runs ffprobe with the default timeout and captures its standard output.
     *
     * @throws FfmpegException if it fails or writes more than the stdout limit
     */
    public FfmpegResult ffprobe(List<String> args) {
        return run(ffprobeCommand(args), timeout, null);
    }

    /**
     * Runs ffprobe with the default timeout, handing each line of standard output to {@code lines} as it arrives
     * (on another thread, in order); the result's stdout is then empty. An exception thrown by {@code lines} kills
     * the process and is rethrown.
     *
     * @throws FfmpegException if it fails
     */
    public FfmpegResult ffprobe(List<String> args, Consumer<String> lines) {
        return run(ffprobeCommand(args), timeout, Objects.requireNonNull(lines, "lines"));
    }

    private List<String> ffprobeCommand(List<String> args) {
        List<String> command = new ArrayList<>(args.size() + 2);
        command.add(binaries.ffprobe().toString());
        command.add("-hide_banner");
        command.addAll(args);
        return command;
    }

    private FfmpegResult run(List<String> command, Duration timeout, @Nullable Consumer<String> lines) {
        for (String arg : command) {
            Objects.requireNonNull(arg, "argument");
        }
        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new FfmpegException("could not start", command, FfmpegException.NO_EXIT_CODE, "", e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The child may already be gone; its exit code will tell.
        }
        TailBuffer stderr = new TailBuffer(stderrTailChars);
        StringBuilder stdout = new StringBuilder();
        AtomicReference<@Nullable RuntimeException> stdoutFailure = new AtomicReference<>();
        Thread stderrDrain = Thread.ofVirtual().start(() -> drain(process.getErrorStream(), stderr));
        Thread stdoutDrain = Thread.ofVirtual().start(() -> readStdout(process, command, lines, stdout, stdoutFailure));
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                process.destroyForcibly();
                process.waitFor();
                joinQuietly(stderrDrain, stdoutDrain);
                throw new FfmpegTimeoutException(command, timeout, stderr.toString());
            }
            stderrDrain.join();
            stdoutDrain.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FfmpegException("interrupted", command, FfmpegException.NO_EXIT_CODE, stderr.toString(), e);
        }
        RuntimeException consumerFailure = stdoutFailure.get();
        if (consumerFailure != null) {
            throw consumerFailure;
        }
        String stderrText = stderr.toString();
        int exit = process.exitValue();
        if (exit != 0) {
            throw new FfmpegException("failed", command, exit, stderrText, null);
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        FfmpegResult result =
                new FfmpegResult(command, stdout.toString(), stderrText, wall, BenchmarkLine.parse(stderrText));
        listener.completed(result);
        return result;
    }

    private void readStdout(
            Process process,
            List<String> command,
            @Nullable Consumer<String> lines,
            StringBuilder captured,
            AtomicReference<@Nullable RuntimeException> failure) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            if (lines != null) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.accept(line);
                }
                return;
            }
            char[] buffer = new char[8192];
            int read;
            while ((read = reader.read(buffer)) >= 0) {
                if (captured.length() + read > stdoutLimitChars) {
                    throw new FfmpegException(
                            "wrote more than " + stdoutLimitChars + " characters to stdout",
                            command,
                            FfmpegException.NO_EXIT_CODE,
                            "",
                            null);
                }
                captured.append(buffer, 0, read);
            }
        } catch (IOException e) {
            // The stream closes when the process is killed; the exit code reports the failure.
        } catch (RuntimeException e) {
            failure.set(e);
            process.destroyForcibly();
        }
    }

    private static void drain(InputStream stream, TailBuffer tail) {
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            char[] buffer = new char[8192];
            int read;
            while ((read = reader.read(buffer)) >= 0) {
                tail.append(buffer, 0, read);
            }
        } catch (IOException e) {
            // The stream closes when the process is killed.
        }
    }

    private static void joinQuietly(Thread... threads) {
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Validating builder; {@link #build()} throws {@link IllegalArgumentException} or NPE on bad values. */
    public static final class Builder {

        private @Nullable FfmpegBinaries binaries;
        private Duration timeout = Duration.ofHours(6);
        private int stderrTailChars = 16 * 1024;
        private int stdoutLimitChars = 64 * 1024 * 1024;
        private FfmpegListener listener = FfmpegListener.NONE;

        private Builder() {}

        /** Required: the executables to run. */
        public Builder binaries(FfmpegBinaries binaries) {
            this.binaries = Objects.requireNonNull(binaries, "binaries");
            return this;
        }

        /** Default timeout per run; positive. Defaults to 6 hours. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How many trailing characters of stderr to keep; at least 256. Defaults to 16 KiB. */
        public Builder stderrTailChars(int chars) {
            this.stderrTailChars = chars;
            return this;
        }

        /** Most characters of stdout to capture before the run fails; positive. Defaults to 64 Mi. */
        public Builder stdoutLimitChars(int chars) {
            this.stdoutLimitChars = chars;
            return this;
        }

        /** Told about every successful run. Defaults to {@link FfmpegListener#NONE}. */
        public Builder listener(FfmpegListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public FfmpegRunner build() {
            if (binaries == null) {
                throw new IllegalArgumentException("binaries are required");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            if (stderrTailChars < 256) {
                throw new IllegalArgumentException("stderr tail must keep at least 256 characters: " + stderrTailChars);
            }
            if (stdoutLimitChars <= 0) {
                throw new IllegalArgumentException("stdout limit must be positive: " + stdoutLimitChars);
            }
            return new FfmpegRunner(this);
        }
    }
}
