package dev.reel.encoder.pack.internal;

import dev.reel.encoder.pack.PackagingException;
import java.util.List;
import java.util.Locale;

/** Checks that video renditions can be switched between at every segment: same segments, same start times. */
public final class Alignment {

    /** How far segment start times of two rungs may differ: well under a frame at any frame rate. */
    public static final double TOLERANCE_SECONDS = 0.001;

    private Alignment() {}

    /**
     * Checks that every rendition has as many segments as the first, and that each segment starts at the same time
     * (within {@link #TOLERANCE_SECONDS}) in all of them.
     *
     * @throws PackagingException naming the first rendition and segment that differ
     */
    public static void check(List<PackagedTrack> renditions) {
        if (renditions.size() < 2) {
            return;
        }
        PackagedTrack reference = renditions.getFirst();
        for (PackagedTrack other : renditions.subList(1, renditions.size())) {
            if (other.segments().size() != reference.segments().size()) {
                throw new PackagingException("Video rungs are not segment-aligned: " + reference.id() + " has "
                        + reference.segments().size() + " segments but " + other.id() + " has "
                        + other.segments().size() + " (are keyframes forced on every segment boundary?)");
            }
            for (int i = 0; i < reference.segments().size(); i++) {
                double expected = reference.seconds(reference.segments().get(i).start());
                double actual = other.seconds(other.segments().get(i).start());
                if (Math.abs(expected - actual) > TOLERANCE_SECONDS) {
                    throw new PackagingException(String.format(
                            Locale.ROOT,
                            "Video rungs are not segment-aligned: segment %d starts at %.3f s in %s but at %.3f s in"
                                    + " %s",
                            i + 1,
                            expected,
                            reference.id(),
                            actual,
                            other.id()));
                }
            }
        }
    }
}
