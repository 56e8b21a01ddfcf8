package dev.reel.encoder.chunk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What checking an assembled rung found.
 *
 * @param label the rung, e.g. {@code 320x180@400kbps}
 * @param file the assembled file
 * @param duration its video duration
 * @param frames its video frame count
 * @param keyframes its keyframe presentation times, ascending
 * @param problems what is wrong, empty when it matches the source
 */
public record RungVerification(
        String label, Path file, Duration duration, long frames, List<Duration> keyframes, List<String> problems) {

    public RungVerification {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(duration, "duration");
        keyframes = List.copyOf(keyframes);
        problems = List.copyOf(problems);
    }

    /** No problems found. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
