package dev.reel.encoder.pack;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Trickplay thumbnails made by {@link TrickplayGenerator}.
 *
 * @param directory holds {@code thumbnails.vtt} and the {@code sprite-NNNN.jpg} files it refers to; the packager
 *     copies exactly those into {@code trickplay/}
 */
public record TrickplayInput(Path directory) {

    /** The WebVTT file that maps time ranges to sprite regions. */
    public static final String THUMBNAILS_VTT = "thumbnails.vtt";

    public TrickplayInput {
        Objects.requireNonNull(directory, "directory");
    }
}
