package dev.reel.encoder.ladder;

import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.ladder.internal.X264Args;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Encodes one rung of a ladder with x264 under its {@link RateControl}: capped VBR ({@code -b:v}, {@code -maxrate},
 * {@code -bufsize}, one or two passes as the ladder's {@link VbrSettings} say) or capped CRF. Writes an Annex B H.264
 * elementary stream; packaging muxes it later. Thread-safe: concurrent encodes use distinct pass-log files.
 */
public final class RungEncoder {

    private final FfmpegRunner runner;
    private final X264Settings settings;
    private final Path workDir;

    /**
     * @param workDir an existing directory for two-pass statistics files, which are deleted after each encode
     */
    public RungEncoder(FfmpegRunner runner, X264Settings settings, Path workDir) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    /**
     * Encodes {@code rung} from {@code source} into {@code output} (overwritten).
     *
     * @param passes 1 or 2; ignored for capped CRF, which is always one pass
     * @throws dev.reel.encoder.ffmpeg.FfmpegException if ffmpeg fails
     * @throws UncheckedIOException if the work files cannot be created or the output size read
     */
    public EncodedRendition encode(SourceVideo source, Rung rung, int passes, Path output) {
        if (passes != 1 && passes != 2) {
            throw new IllegalArgumentException("passes must be 1 or 2: " + passes);
        }
        List<String> rate = new ArrayList<>();
        if (rung.rateControl() == RateControl.CAPPED_CRF) {
            rate.addAll(List.of("-crf", Integer.toString(Objects.requireNonNull(rung.crf()))));
            passes = 1;
        } else {
            rate.addAll(List.of("-b:v", Long.toString(rung.bitrate())));
        }
        rate.addAll(
                List.of("-maxrate", Long.toString(rung.maxBitrate()), "-bufsize", Long.toString(rung.bufferSize())));
        try {
            if (passes == 1) {
                runner.ffmpeg(args(source, rung, rate, List.of(), X264Args.elementaryStream(output)));
            } else {
                Path log = Files.createTempFile(workDir, "pass-" + rung.resolution() + "-", "");
                String prefix = log.toString();
                try {
                    List<String> passLog = List.of("-passlogfile", prefix);
                    List<String> first = new ArrayList<>(List.of("-pass", "1"));
                    first.addAll(passLog);
                    runner.ffmpeg(args(source, rung, rate, first, List.of("-f", "null", "-")));
                    List<String> second = new ArrayList<>(List.of("-pass", "2"));
                    second.addAll(passLog);
                    runner.ffmpeg(args(source, rung, rate, second, X264Args.elementaryStream(output)));
                } finally {
                    Files.deleteIfExists(log);
                    Files.deleteIfExists(Path.of(prefix + "-0.log"));
                    Files.deleteIfExists(Path.of(prefix + "-0.log.mbtree"));
                    Files.deleteIfExists(Path.of(prefix + "-0.log.temp"));
                    Files.deleteIfExists(Path.of(prefix + "-0.log.mbtree.temp"));
                }
            }
            return new EncodedRendition(rung, output, source.bitrateOf(Files.size(output)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> args(
            SourceVideo source, Rung rung, List<String> rate, List<String> pass, List<String> output) {
        List<String> args = X264Args.input(source, rung.resolution(), settings);
        args.addAll(X264Args.encoder(source, settings));
        args.addAll(rate);
        args.addAll(pass);
        args.addAll(output);
        return args;
    }
}
