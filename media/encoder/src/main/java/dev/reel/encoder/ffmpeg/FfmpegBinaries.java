package dev.reel.encoder.ffmpeg;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the {@code ffmpeg} and {@code ffprobe} executables are.
 *
 * @param ffmpeg an executable ffmpeg
 * @param ffprobe an executable ffprobe
 */
public record FfmpegBinaries(Path ffmpeg, Path ffprobe) {

    /** Environment variable naming the ffmpeg executable; overrides the {@code PATH} lookup. */
    public static final String FFMPEG_ENV = "REEL_FFMPEG";

    /**
     * Environment variable naming the ffprobe executable. Without it, ffprobe is looked for next to the ffmpeg named
     * by {@link #FFMPEG_ENV}, then on {@code PATH}.
     */
    public static final String FFPROBE_ENV = "REEL_FFPROBE";

    public FfmpegBinaries {
        Objects.requireNonNull(ffmpeg, "ffmpeg");
        Objects.requireNonNull(ffprobe, "ffprobe");
    }

    /**
     * Finds the binaries from this process's environment ({@link #FFMPEG_ENV}, {@link #FFPROBE_ENV}, {@code PATH}).
     *
     * @throws FfmpegNotFoundException if either executable cannot be found; the message says what was tried
     */
    public static FfmpegBinaries locate() {
        return locate(System.getenv());
    }

    /**
     * Finds the binaries from the given environment, as {@link #locate()} does.
     *
     * @throws FfmpegNotFoundException if either executable cannot be found
     */
    public static FfmpegBinaries locate(Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        Path ffmpeg = fromEnv(env, FFMPEG_ENV);
        if (ffmpeg == null) {
            ffmpeg = onPath("ffmpeg", path);
        }
        if (ffmpeg == null) {
            throw new FfmpegNotFoundException("ffmpeg was not found: set " + FFMPEG_ENV
                    + " to its path or put it on PATH (Debian: apt-get install -y ffmpeg)");
        }
        Path ffprobe = fromEnv(env, FFPROBE_ENV);
        if (ffprobe == null) {
            Path sibling = ffmpeg.resolveSibling("ffprobe");
            ffprobe = Files.isExecutable(sibling) ? sibling : onPath("ffprobe", path);
        }
        if (ffprobe == null) {
            throw new FfmpegNotFoundException(
                    "ffprobe was not found next to " + ffmpeg + " nor on PATH: set " + FFPROBE_ENV + " to its path");
        }
        return new FfmpegBinaries(ffmpeg, ffprobe);
    }

    private static @Nullable Path fromEnv(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        Path candidate = Path.of(value);
        if (!Files.isExecutable(candidate)) {
            throw new FfmpegNotFoundException(name + " points to " + value + ", which is not an executable file");
        }
        return candidate;
    }

    private static @Nullable Path onPath(String name, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
