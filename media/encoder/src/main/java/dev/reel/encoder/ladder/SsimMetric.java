package dev.reel.encoder.ladder;

import dev.reel.encoder.ffmpeg.FfmpegRunner;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SSIM of the luma plane from ffmpeg's {@code ssim} filter, scored in decibels: {@code -10·log10(1 − SSIM)}, capped
 * at {@value #MAX_DB} dB for identical pictures. The dB scale spreads out the range near 1 where encodes differ
 * (0.99 → 20 dB, 0.999 → 30 dB), which makes steps comparable along the curve. Details carry {@code ssim_y}, {@code
 * ssim_all} (planes weighted by size) and {@code ssim_all_db}.
 */
public final class SsimMetric extends FilterMetric {

    /** Score given to a perfect match, where the dB scale is infinite. */
    public static final double MAX_DB = 60.0;

    private static final Pattern SUMMARY = Pattern.compile("SSIM Y:([0-9.]+) .*All:([0-9.]+)");

    private static final QualityThresholds THRESHOLDS = new QualityThresholds(1.0, 6.0, 24.0, 0.5);

    /** A metric letting ffmpeg choose its thread count. */
    public SsimMetric(FfmpegRunner runner) {
        this(runner, 0);
    }

    /** @param threads decoder and filter threads per measurement, 0 for ffmpeg's choice */
    public SsimMetric(FfmpegRunner runner, int threads) {
        super(runner, threads, "ssim=shortest=1", SUMMARY);
    }

    @Override
    public String name() {
        return "ssim-y-db";
    }

    /**
     * Step 1 dB, floor 6 dB (SSIM 0.75, low enough for upscaled 240p of sharp content), ceiling 24 dB (SSIM 0.996), and at least 0.5 dB per doubling of bitrate
     * at the top (grain-like content climbs about 0.7 dB per doubling in SSIM, clean content 3 to 6 dB).
     */
    @Override
    public QualityThresholds thresholds() {
        return THRESHOLDS;
    }

    @Override
    QualityScore score(Matcher summary) {
        double luma = Double.parseDouble(summary.group(1));
        double all = Double.parseDouble(summary.group(2));
        return new QualityScore(decibels(luma), Map.of("ssim_y", luma, "ssim_all", all, "ssim_all_db", decibels(all)));
    }

    /** {@code -10·log10(1 − ssim)}, at most {@value #MAX_DB}. */
    public static double decibels(double ssim) {
        if (ssim >= 1.0) {
            return MAX_DB;
        }
        return Math.min(MAX_DB, -10.0 * Math.log10(1.0 - ssim));
    }
}
