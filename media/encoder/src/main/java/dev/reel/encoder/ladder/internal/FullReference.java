package dev.reel.encoder.ladder.internal;

import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.ladder.SourceVideo;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a two-input ffmpeg comparison filter (ssim, psnr, libvmaf) the same way for every metric: the distorted video
 * is upscaled to the reference's size with the fixed {@value #SCALER} scaler, both sides are converted to 4:2:0 with
 * square pixels, and frames are paired by index (each side's timestamps are replaced by its frame number), so a raw
 * elementary stream without timestamps measures like a muxed file.
 */
public final class FullReference {

    /** The scaler used to bring every encode to the reference's resolution. */
    public static final String SCALER = "bicubic";

    private FullReference() {}

    /**
     * Runs {@code filter} with the distorted video as its first input and the reference as its second, and returns
     * ffmpeg's stderr tail, where comparison filters print their summary.
     *
     * @param threads decoder and filter threads, 0 for ffmpeg's choice
     */
    public static String run(FfmpegRunner runner, Path distorted, SourceVideo reference, String filter, int threads) {
        String size =
                reference.resolution().width() + ":" + reference.resolution().height();
        String graph = "[0:v]scale=" + size + ":flags=" + SCALER + ",format=yuv420p,setsar=1,settb=1,setpts=N[d];"
                + "[1:v]scale=" + size + ":flags=" + SCALER + ",format=yuv420p,setsar=1,settb=1,setpts=N[r];"
                + "[d][r]" + filter;
        String threadCount = Integer.toString(threads);
        return runner.ffmpeg(List.of(
                        "-threads",
                        threadCount,
                        "-i",
                        FfmpegRunner.fileArgument(distorted),
                        "-threads",
                        threadCount,
                        "-i",
                        FfmpegRunner.fileArgument(reference.file()),
                        "-filter_complex_threads",
                        threadCount,
                        "-filter_complex",
                        graph,
                        "-an",
                        "-f",
                        "null",
                        "-"))
                .stderrTail();
    }
}
