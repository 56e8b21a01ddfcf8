package dev.reel.encoder.ladder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which trial encodes to make: every candidate height the source allows, at every CRF. Build with {@link #builder()}.
 *
 * @param heights candidate picture heights, ascending, distinct, positive
 * @param crfs x264 CRF values, ascending, distinct, each in 0..51
 */
public record TrialPlan(List<Integer> heights, List<Integer> crfs) {

    /** 240p, 360p, 480p, 720p, 1080p and 2160p. */
    public static final List<Integer> STANDARD_HEIGHTS = List.of(240, 360, 480, 720, 1080, 2160);

    /** CRF 18 to 38 in steps of 5. */
    public static final List<Integer> STANDARD_CRFS = List.of(18, 23, 28, 33, 38);

    public TrialPlan {
        heights = List.copyOf(heights);
        crfs = List.copyOf(crfs);
        requireAscending("heights", heights, 1, 8640);
        requireAscending("crfs", crfs, 0, 51);
    }

    private static void requireAscending(String name, List<Integer> values, int min, int max) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        for (int i = 0; i < values.size(); i++) {
            int value = Objects.requireNonNull(values.get(i), name);
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ": " + value);
            }
            if (i > 0 && value <= values.get(i - 1)) {
                throw new IllegalArgumentException(name + " must be ascending and distinct: " + values);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The resolutions to try for a source: each candidate height up to the source's (never upscale) at the source's
     * aspect ratio, plus the source's own size when it falls between two candidates (e.g. 1920x800), as long as it is
     * not above the largest candidate. Ascending.
     */
    public List<Resolution> candidates(Resolution source) {
        TreeSet<Resolution> sizes = new TreeSet<>();
        for (int height : heights) {
            if (height <= source.height()) {
                sizes.add(Resolution.ofHeight(height, source));
            }
        }
        if (source.height() <= heights.getLast()) {
            sizes.removeIf(size -> size.height() == source.height());
            sizes.add(new Resolution(source.width() / 2 * 2, source.height() / 2 * 2));
        }
        return new ArrayList<>(sizes);
    }

    /** The number of trial encodes for {@code source}. */
    public int trialCount(Resolution source) {
        return candidates(source).size() * crfs.size();
    }

    /** Validating builder; {@link #build()} throws {@link IllegalArgumentException} on bad values. */
    public static final class Builder {

        private List<Integer> heights = STANDARD_HEIGHTS;
        private List<Integer> crfs = STANDARD_CRFS;

        private Builder() {}

        /** Candidate heights, ascending. Defaults to {@link #STANDARD_HEIGHTS}. */
        public Builder heights(List<Integer> heights) {
            this.heights = List.copyOf(heights);
            return this;
        }

        /** CRF values, ascending. Defaults to {@link #STANDARD_CRFS}. */
        public Builder crfs(List<Integer> crfs) {
            this.crfs = List.copyOf(crfs);
            return this;
        }

        public TrialPlan build() {
            return new TrialPlan(heights, crfs);
        }
    }
}
