package dev.reel.encoder.ladder;

/**
 * A picture size in pixels, square pixels assumed.
 *
 * @param width positive
 * @param height positive
 */
public record Resolution(int width, int height) implements Comparable<Resolution> {

    public Resolution {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("resolution must be positive: " + width + "x" + height);
        }
    }

    /**
     * The size with the given height and the source's aspect ratio, the width rounded to an even number (4:2:0
     * chroma needs even sizes).
     */
    public static Resolution ofHeight(int height, Resolution source) {
        int width = (int) Math.round(height * (double) source.width() / source.height() / 2.0) * 2;
        return new Resolution(Math.max(2, width), height);
    }

    /** Width × height. */
    public long pixels() {
        return (long) width * height;
    }

    /** Whether this size fits inside {@code other} (neither side larger). */
    public boolean fitsIn(Resolution other) {
        return width <= other.width && height <= other.height;
    }

    /** The customary name, e.g. {@code 720p}. */
    public String label() {
        return height + "p";
    }

    /** Orders by pixel count, then height. */
    @Override
    public int compareTo(Resolution other) {
        int byPixels = Long.compare(pixels(), other.pixels());
        return byPixels != 0 ? byPixels : Integer.compare(height, other.height);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
