package dev.reel.encoder.ladder;

import dev.reel.encoder.ffmpeg.FfmpegException;
import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.ladder.internal.FullReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A full-reference metric computed by one of ffmpeg's comparison filters: runs the filter over the
 * distorted rendition against the reference (see {@link FullReference}), finds the filter's summary
 * line in ffmpeg's output and turns it into a score. Subclasses say which filter, how to find its
 * summary and how to score it.
 */
abstract sealed class FilterMetric implements QualityMetric permits SsimMetric, PsnrMetric {

    private final FfmpegRunner runner;
    private final int threads;
    private final String filter;
    private final Pattern summary;

    /**
     * @param threads decoder and filter threads per measurement, 0 for ffmpeg's choice
     * @param filter the comparison filter with its options, such as {@code ssim=shortest=1}
     * @param summary finds the filter's summary line in ffmpeg's output
     */
    FilterMetric(FfmpegRunner runner, int threads, String filter, Pattern summary) {
        this.runner = Objects.requireNonNull(runner, "runner");
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0: " + threads);
        }
        this.threads = threads;
        this.filter = filter;
        this.summary = summary;
    }

    @Override
    public final String unit() {
        return "dB";
    }

    @Override
    public final QualityScore measure(Path distorted, SourceVideo reference) {
        String stderr = FullReference.run(runner, distorted, reference, filter, threads);
        Matcher line = summary.matcher(stderr);
        if (!line.find()) {
            throw new FfmpegException(
                    "printed no " + name() + " summary", List.of(), FfmpegException.NO_EXIT_CODE, stderr, null);
        }
        return score(line);
    }

    /** The score from the filter's summary line, matched by the summary pattern. */
    abstract QualityScore score(Matcher summary);
}
