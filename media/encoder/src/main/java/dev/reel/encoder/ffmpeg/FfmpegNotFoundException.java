package dev.reel.encoder.ffmpeg;

/** Thrown when the ffmpeg or ffprobe executable cannot be found; the message says how to provide it. */
public final class FfmpegNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FfmpegNotFoundException(String message) {
        super(message);
    }
}
