package dev.reel.encoder.probe;

import org.jspecify.annotations.Nullable;

/**
 * The file is not usable media: ffprobe could not read it (not a media file, truncated, corrupt), it has no usable
 * streams, or it lacks what the caller required (for example a video stream). The message is fit to show to the
 * person who supplied the file.
 */
public final class MediaProbeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MediaProbeException(String message) {
        super(message);
    }

    public MediaProbeException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
