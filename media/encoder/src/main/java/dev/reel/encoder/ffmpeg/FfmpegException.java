package dev.reel.encoder.ffmpeg;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An ffmpeg or ffprobe run failed: it exited non-zero, could not start, timed out ({@link FfmpegTimeoutException})
 * or was interrupted. The message names the program, the exit code and ends with the tail of stderr, which is where
 * ffmpeg explains itself.
 */
public class FfmpegException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Exit code used when the process never exited normally (did not start, timed out, interrupted). */
    public static final int NO_EXIT_CODE = -1;

    private final List<String> command;
    private final int exitCode;
    private final String stderrTail;

    public FfmpegException(
            String message, List<String> command, int exitCode, String stderrTail, @Nullable Throwable cause) {
        super(message + describe(command, exitCode, stderrTail), cause);
        this.command = List.copyOf(command);
        this.exitCode = exitCode;
        this.stderrTail = stderrTail;
    }

    /** The program and arguments that failed. */
    public List<String> command() {
        return command;
    }

    /** The exit code, or {@link #NO_EXIT_CODE}. */
    public int exitCode() {
        return exitCode;
    }

    /** The last characters ffmpeg wrote to stderr (possibly empty). */
    public String stderrTail() {
        return stderrTail;
    }

    private static String describe(List<String> command, int exitCode, String stderrTail) {
        StringBuilder text = new StringBuilder();
        if (!command.isEmpty()) {
            text.append(" [").append(programName(command.getFirst()));
            if (exitCode != NO_EXIT_CODE) {
                text.append(", exit ").append(exitCode);
            }
            text.append(']');
        }
        String tail = lastLines(stderrTail, 8);
        if (!tail.isEmpty()) {
            text.append(": ").append(tail);
        }
        return text.toString();
    }

    private static String lastLines(String text, int lines) {
        String trimmed = text.strip();
        int end = trimmed.length();
        int start = end;
        for (int i = 0; i < lines && start > 0; i++) {
            int newline = trimmed.lastIndexOf('\n', start - 1);
            start = newline < 0 ? 0 : newline;
        }
        return trimmed.substring(start).strip().replace('\n', ' ').replace('\r', ' ');
    }

    private static String programName(String program) {
        int slash = program.lastIndexOf('/');
        return slash < 0 ? program : program.substring(slash + 1);
    }
}
