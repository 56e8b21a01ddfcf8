package dev.reel.steering.fill;

import java.util.Objects;

/**
 * One title as the planner sees it.
 *
 * @param titleId the origin title id
 * @param version its current origin version (what a fill fetches)
 * @param bytes the version's size: the cost of holding it
 * @param predictedBytes bytes expected to be requested from it over the planning horizon: the value of holding it
 */
public record TitleDemand(String titleId, String version, long bytes, double predictedBytes) {

    public TitleDemand {
        Objects.requireNonNull(titleId, "titleId");
        Objects.requireNonNull(version, "version");
        if (bytes < 0) {
            throw new IllegalArgumentException("Title " + titleId + " has a negative size");
        }
        if (!(predictedBytes >= 0) || Double.isInfinite(predictedBytes)) {
            throw new IllegalArgumentException("Title " + titleId + " has an invalid predicted demand");
        }
    }

    /** Predicted bytes per byte held: the planner's ordering key. */
    public double density() {
        return bytes == 0 ? 0 : predictedBytes / bytes;
    }
}
