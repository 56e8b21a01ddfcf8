package dev.reel.encoder.ladder;

/** The bitrate axis a {@link ConvexHull} is convex in. */
public enum RateScale {
    /**
     * Quality against bitrate: the operational rate–quality hull. Any point on a segment between two vertices is
     * reachable by switching between those two encodes over time (which is what an adaptive player does between
     * rungs), so a point below the hull is beaten by such a mix at the same average bitrate. SSIM dB and PSNR grow
     * roughly linearly with bitrate at high rates, which makes curves concave here and keeps their vertices. The
     * default.
     */
    LINEAR,
    /**
     * Quality against log(bitrate), the axis of BD-rate and of most plots. Stricter: every vertex of it is also a
     * vertex of the {@link #LINEAR} hull, but a curve that is convex in log-rate (common for SSIM dB and PSNR at high
     * rates) collapses to its end points, leaving few rungs to choose from.
     */
    LOG;

    /** The x coordinate of {@code bitrate} on this axis. */
    public double x(double bitrate) {
        return this == LOG ? Math.log(bitrate) : bitrate;
    }
}
