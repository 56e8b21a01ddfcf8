package dev.reel.edge;

import java.io.PrintStream;
import java.time.Clock;

/**
 * One JSON line per event on standard output, with the member names Spring Boot's {@code logstash}
 * format uses ({@code @timestamp}, {@code level}, {@code logger_name}, {@code thread_name}, {@code
 * message}), so the edge's log reads like every other Reel process's. Thread-safe.
 */
public final class EdgeLog {

    private final String logger;
    private final PrintStream out;
    private final Clock clock;

    private EdgeLog(String logger, PrintStream out, Clock clock) {
        this.logger = logger;
        this.out = out;
        this.clock = clock;
    }

    /** A log writing to {@link System#out} under the given logger name. */
    public static EdgeLog stdout(String logger) {
        return new EdgeLog(logger, System.out, Clock.systemUTC());
    }

    /** A log writing to {@code out}; for tests. */
    public static EdgeLog to(PrintStream out, String logger) {
        return new EdgeLog(logger, out, Clock.systemUTC());
    }

    /** Logs an event that is part of normal operation. */
    public void info(String message) {
        write("INFO", message);
    }

    /** Logs something that degrades service but that the edge recovers from by itself. */
    public void warn(String message) {
        write("WARN", message);
    }

    private void write(String level, String message) {
        String line = "{\"@timestamp\":\"" + clock.instant() + "\",\"@version\":\"1\",\"level\":\"" + level
                + "\",\"logger_name\":\"" + escape(logger) + "\",\"thread_name\":\""
                + escape(Thread.currentThread().getName()) + "\",\"message\":\"" + escape(message) + "\"}";
        out.println(line);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
