package dev.reel.encoder.ffmpeg;

import java.time.Duration;
import java.util.List;

/** An ffmpeg or ffprobe run took longer than its timeout; the process was killed. */
public final class FfmpegTimeoutException extends FfmpegException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    public FfmpegTimeoutException(List<String> command, Duration timeout, String stderrTail) {
        super("timed out after " + timeout.toMillis() + " ms", command, NO_EXIT_CODE, stderrTail, null);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
