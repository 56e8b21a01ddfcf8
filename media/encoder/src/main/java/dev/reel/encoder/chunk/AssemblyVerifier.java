package dev.reel.encoder.chunk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The checks on assembled rungs, as arithmetic on probed numbers so they can be tested without media. Keyframe times
 * match a segment boundary when they lie within half a frame of it. Immutable and thread-safe.
 *
 * @param sourceDuration the source's video duration
 * @param sourceFrames the source's video frame count
 * @param frameRate the constant frame rate
 * @param segment the segment duration
 */
public record AssemblyVerifier(Duration sourceDuration, long sourceFrames, double frameRate, Duration segment) {

    public AssemblyVerifier {
        Objects.requireNonNull(sourceDuration, "sourceDuration");
        Objects.requireNonNull(segment, "segment");
        if (!(frameRate > 0) || sourceFrames <= 0 || segment.isZero() || segment.isNegative()) {
            throw new IllegalArgumentException("frame rate, frame count and segment must be positive");
        }
    }

    /** The segment boundaries strictly inside the source, plus 0: where every rung needs a keyframe. */
    public List<Duration> segmentBoundaries() {
        List<Duration> boundaries = new ArrayList<>();
        for (Duration t = Duration.ZERO; t.compareTo(sourceDuration) < 0; t = t.plus(segment)) {
            boundaries.add(t);
        }
        return boundaries;
    }

    /** Problems of one rung: duration off by more than one frame, another frame count, a segment without keyframe. */
    public List<String> check(Duration duration, long frames, List<Duration> keyframes) {
        List<String> problems = new ArrayList<>();
        long frameNanos = Math.round(1e9 / frameRate);
        if (Math.abs(duration.toNanos() - sourceDuration.toNanos()) > frameNanos) {
            problems.add("duration " + seconds(duration) + " s differs from the source's " + seconds(sourceDuration)
                    + " s by more than one frame");
        }
        if (frames != sourceFrames) {
            problems.add("has " + frames + " frames, the source " + sourceFrames);
        }
        for (Duration boundary : segmentBoundaries()) {
            if (keyframeAt(keyframes, boundary) == null) {
                problems.add("no keyframe at the segment boundary " + seconds(boundary) + " s");
            }
        }
        return problems;
    }

    /**
     * Problems across rungs: at each segment boundary, every rung's keyframe there must have the same time (to the
     * millisecond) as the first rung's.
     *
     * @param keyframesByRung each rung's keyframe times, by rung label, in a stable order
     */
    public List<String> checkAligned(Map<String, List<Duration>> keyframesByRung) {
        List<String> problems = new ArrayList<>();
        if (keyframesByRung.size() < 2) {
            return problems;
        }
        for (Duration boundary : segmentBoundaries()) {
            @Nullable String firstLabel = null;
            @Nullable Duration firstTime = null;
            for (Map.Entry<String, List<Duration>> rung : keyframesByRung.entrySet()) {
                Duration time = keyframeAt(rung.getValue(), boundary);
                if (time == null) {
                    problems.add(
                            rung.getKey() + " has no keyframe at the segment boundary " + seconds(boundary) + " s");
                } else if (firstTime == null) {
                    firstLabel = rung.getKey();
                    firstTime = time;
                } else if (Math.abs(time.toMillis() - firstTime.toMillis()) > 1) {
                    problems.add(rung.getKey() + " has its keyframe for " + seconds(boundary) + " s at " + seconds(time)
                            + " s, " + firstLabel + " at " + seconds(firstTime) + " s");
                }
            }
        }
        return problems;
    }

    private @Nullable Duration keyframeAt(List<Duration> keyframes, Duration boundary) {
        long halfFrame = Math.round(0.5e9 / frameRate);
        for (Duration k : keyframes) {
            if (Math.abs(k.toNanos() - boundary.toNanos()) <= halfFrame) {
                return k;
            }
        }
        return null;
    }

    static String seconds(Duration time) {
        return String.format(Locale.ROOT, "%.3f", time.toNanos() / 1e9);
    }
}
