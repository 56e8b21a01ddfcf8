package dev.reel.encoder.pack;

import org.jspecify.annotations.Nullable;

/**
 * Packaging cannot produce a correct title from its inputs: the video rungs are not segment-aligned (different
 * segment counts or start times), an input is not the media it should be (no video track, not H.264, malformed
 * segments), or a file cannot be read. The message names the rendition and what differs. ffmpeg failures are
 * reported as {@link dev.reel.encoder.ffmpeg.FfmpegException} instead.
 */
public final class PackagingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PackagingException(String message) {
        super(message);
    }

    public PackagingException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
