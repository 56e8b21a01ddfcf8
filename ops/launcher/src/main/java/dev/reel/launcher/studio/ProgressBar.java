package dev.reel.launcher.studio;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Renders transfer and job progress as text: a bar for terminals, a sentence for logs. Pure functions. */
public final class ProgressBar {

    /** Width of the bar between its brackets. */
    public static final int WIDTH = 30;

    private ProgressBar() {}

    /**
     * A terminal progress line: {@code [=========>          ]  42%  12.6 MB / 30.0 MB  5.1 MB/s  ETA 0:03}.
     *
     * @param done bytes done, clamped to {@code 0..total}
     * @param total total bytes; 0 renders as complete
     * @param bytesPerSecond current rate; 0 or less means unknown (no rate, ETA {@code --:--})
     */
    public static String transfer(long done, long total, double bytesPerSecond) {
        long clamped = Math.max(0, Math.min(done, total));
        double fraction = total <= 0 ? 1 : (double) clamped / total;
        return bar(fraction) + " " + percent(fraction) + "  " + bytes(clamped) + " / " + bytes(total) + "  "
                + rate(bytesPerSecond) + "  ETA " + eta(total - clamped, bytesPerSecond);
    }

    /** A log line: {@code upload 42% (12.6 MB of 30.0 MB) at 5.1 MB/s, ETA 0:03}. */
    public static String transferLine(long done, long total, double bytesPerSecond) {
        long clamped = Math.max(0, Math.min(done, total));
        double fraction = total <= 0 ? 1 : (double) clamped / total;
        return "upload " + percent(fraction).strip() + " (" + bytes(clamped) + " of " + bytes(total) + ") at "
                + rate(bytesPerSecond) + ", ETA " + eta(total - clamped, bytesPerSecond);
    }

    /** A terminal job line: {@code [=====>   ]  45%  encoding (rung 720p)  ETA 1:20} (no ETA once finished). */
    public static String job(Job job) {
        String line = bar(job.percent() / 100) + " " + percent(job.percent() / 100) + "  " + jobState(job);
        if (job.isFinished()) {
            return line;
        }
        return line + "  ETA " + (job.etaSeconds() != null ? duration(job.etaSeconds()) : "--:--");
    }

    /** A log line: {@code job 45% encoding (rung 720p), ETA 1:20} (no ETA when unknown or finished). */
    public static String jobLine(Job job) {
        return "job " + percent(job.percent() / 100).strip() + " " + jobState(job)
                + (job.etaSeconds() != null && !job.isFinished() ? ", ETA " + duration(job.etaSeconds()) : "");
    }

    /** The bar, {@value #WIDTH} cells between brackets, with {@code >} at the head while not full. */
    static String bar(double fraction) {
        double clamped = Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.floor(clamped * WIDTH);
        var bar = new StringBuilder(WIDTH + 2).append('[');
        for (int i = 0; i < WIDTH; i++) {
            bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        return bar.append(']').toString();
    }

    /** Whole percent, right-aligned in four characters: {@code " 42%"}; 100% only when complete. */
    static String percent(double fraction) {
        double clamped = Math.max(0, Math.min(1, fraction));
        int whole = clamped >= 1 ? 100 : Math.min(99, (int) Math.floor(clamped * 100));
        return String.format(Locale.ROOT, "%3d%%", whole);
    }

    /** Bytes in decimal units: {@code 512 B}, {@code 1.5 kB}, {@code 12.6 MB}, {@code 3.20 GB}. */
    public static String bytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    /** A rate in MB/s, or {@code -- MB/s} if unknown. */
    static String rate(double bytesPerSecond) {
        return bytesPerSecond > 0 ? String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6) : "-- MB/s";
    }

    /** Time left at the rate, or {@code --:--} if unknown; {@code 0:00} when nothing is left. */
    static String eta(long remainingBytes, double bytesPerSecond) {
        if (remainingBytes <= 0) {
            return "0:00";
        }
        if (bytesPerSecond <= 0) {
            return "--:--";
        }
        return duration((long) Math.ceil(remainingBytes / bytesPerSecond));
    }

    /** {@code m:ss} below an hour, {@code h:mm:ss} above. */
    public static String duration(long seconds) {
        long s = Math.max(0, seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
    }

    private static String jobState(Job job) {
        String state = job.state().toLowerCase(Locale.ROOT);
        @Nullable String stage = job.stage();
        return stage != null && !stage.isBlank() && !stage.equalsIgnoreCase(job.state())
                ? state + " (" + stage.toLowerCase(Locale.ROOT) + ")"
                : state;
    }
}
