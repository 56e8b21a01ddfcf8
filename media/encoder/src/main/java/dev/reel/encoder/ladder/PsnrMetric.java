package dev.reel.encoder.ladder;

import dev.reel.encoder.ffmpeg.FfmpegRunner;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Luma PSNR in dB from ffmpeg's {@code psnr} filter (computed from the mean squared error over all frames), capped at
 * {@value #MAX_DB} dB for identical pictures. Details carry {@code psnr_y} and {@code psnr_avg} (planes weighted by
 * size).
 */
public final class PsnrMetric extends FilterMetric {

    /** Score given to a perfect match. */
    public static final double MAX_DB = 100.0;

    private static final Pattern SUMMARY = Pattern.compile("PSNR y:([0-9.]+|inf) .*average:([0-9.]+|inf)");

    private static final QualityThresholds THRESHOLDS = new QualityThresholds(1.0, 30.0, 45.0, 1.0);

    /** A metric letting ffmpeg choose its thread count. */
    public PsnrMetric(FfmpegRunner runner) {
        this(runner, 0);
    }

    /** @param threads decoder and filter threads per measurement, 0 for ffmpeg's choice */
    public PsnrMetric(FfmpegRunner runner, int threads) {
        super(runner, threads, "psnr=shortest=1", SUMMARY);
    }

    @Override
    public String name() {
        return "psnr-y";
    }

    /** Step 1 dB, floor 30 dB, ceiling 45 dB, and at least 1 dB per doubling of bitrate at the top. */
    @Override
    public QualityThresholds thresholds() {
        return THRESHOLDS;
    }

    @Override
    QualityScore score(Matcher summary) {
        double luma = decibels(summary.group(1));
        return new QualityScore(luma, Map.of("psnr_y", luma, "psnr_avg", decibels(summary.group(2))));
    }

    private static double decibels(String text) {
        return "inf".equals(text) ? MAX_DB : Math.min(MAX_DB, Double.parseDouble(text));
    }
}
