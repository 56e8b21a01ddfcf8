package dev.reel.encoder.farm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time of every child process this JVM has started and reaped so far, user plus system, from the {@code
 * cutime} and {@code cstime} fields of Linux's {@code /proc/self/stat}. Unlike ffmpeg's {@code -benchmark} figure,
 * which covers only its transcode loop, this includes each process's start-up (loading ffmpeg's many shared
 * libraries), option parsing, input probing and clean-up; take the difference of two readings to account for the
 * processes that ended in between. Assumes the usual 100 clock ticks per second.
 */
public final class ChildProcessCpu {

    private static final Path STAT = Path.of("/proc/self/stat");
    private static final int TICKS_PER_SECOND = 100;

    private ChildProcessCpu() {}

    /** The total so far, or empty where {@code /proc/self/stat} is unavailable (not Linux). */
    public static Optional<Duration> total() {
        try {
            String stat = Files.readString(STAT);
            // Fields after the command name, which is in parentheses and may contain spaces: state is field 3.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long ticks = Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]);
            return Optional.of(Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
