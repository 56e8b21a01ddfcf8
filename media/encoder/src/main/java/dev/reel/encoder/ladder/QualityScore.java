package dev.reel.encoder.ladder;

import java.util.Map;

/**
 * A full-reference quality measurement.
 *
 * @param value the metric's score in its unit, finite; higher is better
 * @param details further figures, e.g. {@code ssim_y} or per-plane values; may be empty
 */
public record QualityScore(double value, Map<String, Double> details) {

    public QualityScore {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("quality must be finite: " + value);
        }
        details = Map.copyOf(details);
    }
}
