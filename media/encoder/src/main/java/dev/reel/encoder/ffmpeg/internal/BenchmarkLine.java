package dev.reel.encoder.ffmpeg.internal;

import dev.reel.encoder.ffmpeg.CpuTime;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses the line ffmpeg's {@code -benchmark} option prints when it ends: {@code bench: utime=1.234s stime=0.056s
 * rtime=0.789s}. The times come from {@code getrusage(RUSAGE_SELF)}, so they cover every thread of the process.
 */
public final class BenchmarkLine {

    private static final Pattern LINE = Pattern.compile("bench: utime=([0-9.]+)s stime=([0-9.]+)s rtime=([0-9.]+)s");

    private BenchmarkLine() {}

    /** The CPU time on the last benchmark line of {@code stderr}, or {@code null} when there is none. */
    public static @Nullable CpuTime parse(String stderr) {
        Matcher matcher = LINE.matcher(stderr);
        CpuTime last = null;
        while (matcher.find()) {
            last = new CpuTime(seconds(matcher.group(1)), seconds(matcher.group(2)));
        }
        return last;
    }

    private static Duration seconds(String text) {
        return Duration.ofNanos(Math.round(Double.parseDouble(text) * 1e9));
    }
}
