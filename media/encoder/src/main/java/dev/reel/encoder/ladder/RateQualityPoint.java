package dev.reel.encoder.ladder;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One measured encode: the bitrate it needed and the quality it reached.
 *
 * @param resolution the encoded picture size
 * @param crf the x264 CRF of a constant-quality trial encode, or {@code null} for a bitrate-driven encode
 * @param bitrate the video stream's average bits per second, positive
 * @param quality the metric's score (see {@link QualityMetric#unit()}), finite
 * @param details further figures from the metric, e.g. raw SSIM or per-plane values; may be empty
 */
public record RateQualityPoint(
        Resolution resolution, @Nullable Integer crf, long bitrate, double quality, Map<String, Double> details) {

    public RateQualityPoint {
        Objects.requireNonNull(resolution, "resolution");
        if (bitrate <= 0) {
            throw new IllegalArgumentException("bitrate must be positive: " + bitrate);
        }
        if (!Double.isFinite(quality)) {
            throw new IllegalArgumentException("quality must be finite: " + quality);
        }
        details = Map.copyOf(details);
    }

    /** A point without details. */
    public static RateQualityPoint of(Resolution resolution, @Nullable Integer crf, long bitrate, double quality) {
        return new RateQualityPoint(resolution, crf, bitrate, quality, Map.of());
    }

    @Override
    public String toString() {
        return resolution.label() + (crf == null ? "" : " crf " + crf) + " " + Math.round(bitrate / 1000.0) + " kbps q "
                + String.format(Locale.ROOT, "%.2f", quality);
    }
}
