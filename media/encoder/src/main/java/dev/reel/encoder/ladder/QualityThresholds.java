package dev.reel.encoder.ladder;

/**
 * What counts as a perceptible step, a floor and a saturation point on a metric's scale; the defaults a {@link
 * LadderPolicy} starts from for that metric.
 *
 * @param perceptibleStep the quality difference between adjacent rungs worth a rung, positive
 * @param floor the quality the bottom rung should reach when it can
 * @param ceiling quality at which the ladder stops climbing, above {@code floor}
 * @param minGainPerDoubling the least quality gain per doubling of bitrate still worth paying for at the top,
 *     non-negative
 */
public record QualityThresholds(double perceptibleStep, double floor, double ceiling, double minGainPerDoubling) {

    public QualityThresholds {
        if (!(perceptibleStep > 0) || !Double.isFinite(perceptibleStep)) {
            throw new IllegalArgumentException("perceptible step must be positive: " + perceptibleStep);
        }
        if (!(ceiling > floor) || !Double.isFinite(floor) || !Double.isFinite(ceiling)) {
            throw new IllegalArgumentException("ceiling must be above floor: " + floor + ".." + ceiling);
        }
        if (!(minGainPerDoubling >= 0) || !Double.isFinite(minGainPerDoubling)) {
            throw new IllegalArgumentException("min gain per doubling must be >= 0: " + minGainPerDoubling);
        }
    }
}
