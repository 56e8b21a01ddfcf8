package dev.reel.encoder.chunk.internal;

import java.nio.file.Path;
import java.util.List;

/** The text of an ffmpeg concat demuxer list ({@code ffconcat version 1.0}) naming files in order. */
public final class ConcatList {

    private ConcatList() {}

    /** One {@code file '<absolute path>'} line per file, single quotes escaped as the demuxer expects. */
    public static String of(List<Path> files) {
        StringBuilder text = new StringBuilder("ffconcat version 1.0\n");
        for (Path file : files) {
            String path = file.toAbsolutePath().normalize().toString().replace("'", "'\\''");
            text.append("file '").append(path).append("'\n");
        }
        return text.toString();
    }
}
