package dev.reel.encoder.ladder.internal;

import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.ladder.Resolution;
import dev.reel.encoder.ladder.SourceVideo;
import dev.reel.encoder.ladder.X264Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ffmpeg arguments for an x264 encode of a source's video at some resolution, writing an Annex B H.264 elementary
 * stream. SEI NAL units (x264's settings banner among them) are dropped so that the file size is the coded video
 * alone.
 */
public final class X264Args {

    /** The scaler used to resize the source for an encode. */
    public static final String DOWNSCALER = "lanczos";

    private X264Args() {}

    /** Input and filter arguments: every frame of the source's first video stream, resized. */
    public static List<String> input(SourceVideo source, Resolution resolution, X264Settings settings) {
        String threads = Integer.toString(settings.threads());
        return new ArrayList<>(List.of(
                "-threads",
                threads,
                "-i",
                FfmpegRunner.fileArgument(source.file()),
                "-map",
                "0:v:0",
                "-an",
                "-sn",
                "-dn",
                "-frames:v",
                Long.toString(source.frameCount()),
                "-filter_threads",
                threads,
                "-vf",
                "scale=" + resolution.width() + ":" + resolution.height() + ":flags=" + DOWNSCALER
                        + ",setsar=1,format=yuv420p"));
    }

    /** Encoder arguments common to every pass and rate control. */
    public static List<String> encoder(SourceVideo source, X264Settings settings) {
        String gop = Integer.toString(settings.gopFrames(source.frameRate()));
        return new ArrayList<>(List.of(
                "-c:v",
                "libx264",
                "-preset",
                settings.preset(),
                "-profile:v",
                "high",
                "-pix_fmt",
                "yuv420p",
                "-g",
                gop,
                "-keyint_min",
                gop,
                "-sc_threshold",
                "0",
                "-threads",
                Integer.toString(settings.threads())));
    }

    /** Output arguments writing an elementary stream to {@code output}. */
    public static List<String> elementaryStream(Path output) {
        return List.of("-bsf:v", "filter_units=remove_types=6", "-f", "h264", FfmpegRunner.fileArgument(output));
    }
}
