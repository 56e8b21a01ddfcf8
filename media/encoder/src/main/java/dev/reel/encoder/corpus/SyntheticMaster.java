package dev.reel.encoder.corpus;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A generated master file.
 *
 * @param clip the scene
 * @param file an MP4 with one H.264 video track and one AAC audio track (language {@code eng})
 */
public record SyntheticMaster(SyntheticClip clip, Path file) {

    public SyntheticMaster {
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(file, "file");
    }
}
