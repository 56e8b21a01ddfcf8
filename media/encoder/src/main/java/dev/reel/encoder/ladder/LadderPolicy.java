package dev.reel.encoder.ladder;

import java.util.Objects;

/**
 * How {@link PerTitleLadderPlanner} picks rungs from a hull. Quality values are on the measuring metric's scale. Build
 * one with {@link #builder(QualityThresholds)}, which starts from a metric's defaults; the canonical constructor
 * validates the same way and exists for JSON.
 *
 * @param hullScale the bitrate axis of the hull
 * @param qualityStep the target quality difference between adjacent rungs, positive
 * @param qualityFloor the bottom rung is the cheapest hull point at or above this quality (or the cheapest point when
 *     none reaches it)
 * @param qualityCeiling the top rung is the first hull point at or above this quality, unless saturation stops the
 *     climb earlier
 * @param minGainPerDoubling saturation: the climb stops before a hull segment that gains less than this quality per
 *     doubling of bitrate; non-negative (0 disables the rule)
 * @param minRungs the fewest rungs wanted (met as far as the hull has vertices), positive
 * @param maxRungs the most rungs, at least {@code minRungs}
 * @param minBitrate points cheaper than this are not considered (unless no point is within the bounds), positive:
 *     very low bitrates are useless to players and below what x264's rate control can hit
 * @param maxBitrate points dearer than this are not considered (unless no point is within the bounds), at least
 *     {@code minBitrate}
 * @param rateControl how rungs are encoded
 * @param vbr the VBV cap and passes of the rungs
 */
public record LadderPolicy(
        RateScale hullScale,
        double qualityStep,
        double qualityFloor,
        double qualityCeiling,
        double minGainPerDoubling,
        int minRungs,
        int maxRungs,
        long minBitrate,
        long maxBitrate,
        RateControl rateControl,
        VbrSettings vbr) {

    public LadderPolicy {
        Objects.requireNonNull(hullScale, "hullScale");
        Objects.requireNonNull(rateControl, "rateControl");
        Objects.requireNonNull(vbr, "vbr");
        // Same rules as a metric's thresholds: positive step, floor below ceiling, non-negative gain.
        new QualityThresholds(qualityStep, qualityFloor, qualityCeiling, minGainPerDoubling);
        if (minRungs < 1) {
            throw new IllegalArgumentException("min rungs must be at least 1: " + minRungs);
        }
        if (maxRungs < minRungs) {
            throw new IllegalArgumentException("max rungs must be at least min rungs: " + minRungs + ".." + maxRungs);
        }
        if (minBitrate <= 0 || maxBitrate < minBitrate) {
            throw new IllegalArgumentException(
                    "need 0 < min bitrate <= max bitrate: " + minBitrate + ", " + maxBitrate);
        }
    }

    /**
     * A builder starting from {@code thresholds} (usually {@link QualityMetric#thresholds()}), a log-rate hull, 3 to 8
     * rungs, 50 kbit/s to 8 Mbit/s (raise the cap for 2160p sources), capped VBR with {@link VbrSettings#DEFAULT}.
     */
    public static Builder builder(QualityThresholds thresholds) {
        return new Builder(thresholds);
    }

    /** Validating builder; {@link #build()} throws {@link IllegalArgumentException} on inconsistent values. */
    public static final class Builder {

        private RateScale hullScale = RateScale.LINEAR;
        private double qualityStep;
        private double qualityFloor;
        private double qualityCeiling;
        private double minGainPerDoubling;
        private int minRungs = 3;
        private int maxRungs = 8;
        private long minBitrate = 50_000;
        private long maxBitrate = 8_000_000;
        private RateControl rateControl = RateControl.CAPPED_VBR;
        private VbrSettings vbr = VbrSettings.DEFAULT;

        private Builder(QualityThresholds thresholds) {
            this.qualityStep = thresholds.perceptibleStep();
            this.qualityFloor = thresholds.floor();
            this.qualityCeiling = thresholds.ceiling();
            this.minGainPerDoubling = thresholds.minGainPerDoubling();
        }

        public Builder hullScale(RateScale scale) {
            this.hullScale = Objects.requireNonNull(scale, "scale");
            return this;
        }

        /** Target quality difference between adjacent rungs; positive. */
        public Builder qualityStep(double step) {
            this.qualityStep = step;
            return this;
        }

        /** Quality the bottom rung should reach. */
        public Builder qualityFloor(double floor) {
            this.qualityFloor = floor;
            return this;
        }

        /** Quality at which the ladder stops climbing; above the floor. */
        public Builder qualityCeiling(double ceiling) {
            this.qualityCeiling = ceiling;
            return this;
        }

        /** Least quality gain per doubling of bitrate worth another step up; non-negative. */
        public Builder minGainPerDoubling(double gain) {
            this.minGainPerDoubling = gain;
            return this;
        }

        /** Rung count bounds; {@code 1 <= min <= max}. */
        public Builder rungs(int min, int max) {
            this.minRungs = min;
            this.maxRungs = max;
            return this;
        }

        /** Bitrate bounds of the rungs, in bits per second; {@code 0 < min <= max}. */
        public Builder bitrates(long min, long max) {
            this.minBitrate = min;
            this.maxBitrate = max;
            return this;
        }

        public Builder rateControl(RateControl rateControl) {
            this.rateControl = Objects.requireNonNull(rateControl, "rateControl");
            return this;
        }

        public Builder vbr(VbrSettings vbr) {
            this.vbr = Objects.requireNonNull(vbr, "vbr");
            return this;
        }

        public LadderPolicy build() {
            return new LadderPolicy(
                    hullScale,
                    qualityStep,
                    qualityFloor,
                    qualityCeiling,
                    minGainPerDoubling,
                    minRungs,
                    maxRungs,
                    minBitrate,
                    maxBitrate,
                    rateControl,
                    vbr);
        }
    }
}
