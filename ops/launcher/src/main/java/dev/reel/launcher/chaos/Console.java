package dev.reel.launcher.chaos;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** The chaos commands' output: one line per action, stamped with the local time. Safe from any thread. */
final class Console {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintWriter out;

    Console(PrintWriter out) {
        this.out = out;
    }

    /** Prints {@code text} after the current time ({@code 19:02:04  killed catalog-1 ...}). */
    void line(String text) {
        plain(clock(Instant.now()) + "  " + text);
    }

    /** Prints {@code text} as is. */
    void plain(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    /** The local time of {@code instant}, {@code HH:mm:ss}. */
    static String clock(Instant instant) {
        return LocalTime.ofInstant(instant, ZoneId.systemDefault()).format(CLOCK);
    }

    /** The local time of an ISO instant from the API; the text itself if it is not one, {@code -} if absent. */
    static String clock(@Nullable String isoInstant) {
        if (isoInstant == null || isoInstant.isBlank()) {
            return "-";
        }
        try {
            return clock(Instant.parse(isoInstant));
        } catch (DateTimeParseException e) {
            return isoInstant;
        }
    }
}
