package dev.reel.encoder.chunk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a source into chunks of about a target duration whose boundaries are multiples of the segment duration, so
 * every chunk starts on a segment boundary and the segments cut later never straddle two chunks. Among those
 * boundaries it prefers the ones where the source has a keyframe (within half a frame): seeking there costs no wasted
 * decoding. When no keyframe lies on a segment boundary within half to one and a half target durations, it takes the
 * segment boundary nearest the target anyway; {@link ChunkEncoder} seeks frame-accurately, so that only costs decoding
 * from the previous keyframe. The last chunk runs to the end of the source and may be up to 1.5 targets long, or
 * shorter than a segment. Immutable and thread-safe.
 *
 * @param targetChunk the preferred chunk duration, at least one segment (10–20 s in production)
 * @param segment the packaging segment duration (4 s by default)
 */
public record ChunkPlanner(Duration targetChunk, Duration segment) {

    /** The default segment duration. */
    public static final Duration DEFAULT_SEGMENT = Duration.ofSeconds(4);

    public ChunkPlanner {
        Objects.requireNonNull(targetChunk, "targetChunk");
        Objects.requireNonNull(segment, "segment");
        if (segment.isNegative() || segment.isZero()) {
            throw new IllegalArgumentException("segment must be positive: " + segment);
        }
        if (targetChunk.compareTo(segment) < 0) {
            throw new IllegalArgumentException(
                    "target chunk must be at least one segment: " + targetChunk + " < " + segment);
        }
    }

    /** A planner with {@link #DEFAULT_SEGMENT} segments. */
    public static ChunkPlanner of(Duration targetChunk) {
        return new ChunkPlanner(targetChunk, DEFAULT_SEGMENT);
    }

    /**
     * Plans the chunks of a source.
     *
     * @param total the source's video duration, positive
     * @param frameRate its constant frame rate, which sets the keyframe tolerance (half a frame)
     * @param keyframes its keyframe presentation times, in any order (empty if unknown)
     * @return chunks in order, covering {@code [0, total)} exactly once
     */
    public List<Chunk> plan(Duration total, double frameRate, List<Duration> keyframes) {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(keyframes, "keyframes");
        if (total.isNegative() || total.isZero()) {
            throw new IllegalArgumentException("total duration must be positive: " + total);
        }
        if (!(frameRate > 0) || !Double.isFinite(frameRate)) {
            throw new IllegalArgumentException("frame rate must be positive: " + frameRate);
        }
        long halfFrame = Math.round(0.5e9 / frameRate);
        long seg = segment.toNanos();
        long target = targetChunk.toNanos();
        long end = total.toNanos();
        List<Long> keys = keyframes.stream().map(Duration::toNanos).sorted().toList();

        List<Chunk> chunks = new ArrayList<>();
        long start = 0;
        while (end - start > target + target / 2) {
            long boundary = nextBoundary(start, seg, target, end, keys, halfFrame);
            chunks.add(new Chunk(chunks.size(), Duration.ofNanos(start), Duration.ofNanos(boundary - start)));
            start = boundary;
        }
        chunks.add(new Chunk(chunks.size(), Duration.ofNanos(start), Duration.ofNanos(end - start)));
        return List.copyOf(chunks);
    }

    private static long nextBoundary(long start, long seg, long target, long end, List<Long> keys, long halfFrame) {
        long ideal = start + target;
        long low = Math.max(start + seg, start + target / 2);
        long high = Math.min(end - 1, start + target + target / 2);
        long best = -1;
        for (long b = ceilMultiple(low, seg); b <= high; b += seg) {
            if (hasKeyframeNear(keys, b, halfFrame) && (best < 0 || Math.abs(b - ideal) < Math.abs(best - ideal))) {
                best = b;
            }
        }
        if (best >= 0) {
            return best;
        }
        return Math.max(Math.round((double) ideal / seg) * seg, ceilMultiple(start + 1, seg));
    }

    private static long ceilMultiple(long value, long step) {
        return Math.ceilDiv(value, step) * step;
    }

    private static boolean hasKeyframeNear(List<Long> keys, long time, long tolerance) {
        for (long k : keys) {
            if (Math.abs(k - time) <= tolerance) {
                return true;
            }
            if (k > time + tolerance) {
                return false;
            }
        }
        return false;
    }
}
