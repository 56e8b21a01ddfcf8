package dev.reel.encoder.ladder;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A rung encoded to a file.
 *
 * @param rung what was asked for
 * @param file the Annex B H.264 elementary stream
 * @param bitrate the bits per second actually produced (file size over the source's duration)
 */
public record EncodedRendition(Rung rung, Path file, long bitrate) {

    public EncodedRendition {
        Objects.requireNonNull(rung, "rung");
        Objects.requireNonNull(file, "file");
    }
}
