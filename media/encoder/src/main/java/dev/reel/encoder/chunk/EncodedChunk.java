package dev.reel.encoder.chunk;

import dev.reel.encoder.ladder.Rung;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A finished chunk × rung encode: an MP4 holding the chunk's H.264 video for the rung.
 *
 * @param chunk which part of the source
 * @param rung which rendition
 * @param file the complete chunk file (only ever renamed into place once ffmpeg succeeded)
 */
public record EncodedChunk(Chunk chunk, Rung rung, Path file) {

    public EncodedChunk {
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(rung, "rung");
        Objects.requireNonNull(file, "file");
    }
}
