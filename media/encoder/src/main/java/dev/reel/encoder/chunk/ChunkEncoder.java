package dev.reel.encoder.chunk;

import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.ladder.RateControl;
import dev.reel.encoder.ladder.Rung;
import dev.reel.encoder.ladder.SourceVideo;
import dev.reel.encoder.ladder.X264Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Encodes one chunk × rung task with x264, using the ladder's {@link X264Settings} (preset, fixed GOP, no scene-cut
 * keyframes, closed GOPs) and the rung's rate control, one or two passes.
 *
 * <p><b>Seeking.</b> {@code -ss} goes before {@code -i}: ffmpeg seeks the demuxer to the keyframe at or before the
 * chunk and, because the video is re-encoded, decodes and drops the frames before the seek point (accurate seek, on by
 * default), so the chunk may start anywhere; a keyframe-aligned start only saves that decoding. The seek point is half
 * a frame before the chunk's first frame and the encode stops after exactly the chunk's frame count ({@code
 * -frames:v}), both computed from the constant frame rate, so neighbouring chunks neither share nor miss a frame.
 * {@code setpts=PTS-STARTPTS} then puts the first frame at exactly 0 (the seek offset alone would leave it half a
 * frame late, rounded to a whole frame by the encoder's time base, and shift every later chunk).
 *
 * <p><b>Keyframes.</b> Besides the fixed GOP, a keyframe is forced on the first frame at or after every multiple of
 * the segment duration in <em>source</em> time ({@code -force_key_frames expr:} on the chunk-relative frame number),
 * so every rung has IDR frames at the same segment boundaries whatever the chunking. Every chunk starts with an IDR
 * frame and x264's GOPs are closed, so no frame refers across a chunk boundary and the chunks concatenate losslessly.
 *
 * <p><b>Container.</b> Each chunk is an MP4 (video only) whose timestamps start at 0; the concat demuxer shifts each
 * file by the durations of the ones before it, which keeps timestamps exact where a raw elementary stream would lose
 * them.
 *
 * <p><b>Crash safety.</b> ffmpeg writes to a temporary name next to the output, renamed into place only on success;
 * a killed task leaves at most a temporary file that never looks like a chunk. Re-running a task overwrites the chunk
 * with an identical encode. Thread-safe.
 */
public final class ChunkEncoder {

    private final FfmpegRunner runner;
    private final X264Settings settings;
    private final Duration segment;
    private final int passes;
    private final Path workDir;

    /**
     * @param segment the segment duration whose multiples get keyframes
     * @param passes 1 or 2 (ignored for capped-CRF rungs, which are one pass)
     * @param workDir an existing directory for two-pass statistics, deleted after each encode
     */
    public ChunkEncoder(FfmpegRunner runner, X264Settings settings, Duration segment, int passes, Path workDir) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.segment = Objects.requireNonNull(segment, "segment");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        if (segment.isNegative() || segment.isZero()) {
            throw new IllegalArgumentException("segment must be positive: " + segment);
        }
        if (passes != 1 && passes != 2) {
            throw new IllegalArgumentException("passes must be 1 or 2: " + passes);
        }
        this.passes = passes;
    }

    /** The conventional file of a chunk inside a rung's directory: {@code chunk-00007.mp4}. */
    public static Path chunkFile(Path rungDir, Chunk chunk) {
        return rungDir.resolve(String.format(Locale.ROOT, "chunk-%05d.mp4", chunk.index()));
    }

    /**
     * Encodes {@code chunk} of {@code source} for {@code rung} into {@code output} (replaced if present).
     *
     * @throws dev.reel.encoder.ffmpeg.FfmpegException if ffmpeg fails (no output is left behind)
     * @throws UncheckedIOException if the work files cannot be created or the output not moved into place
     */
    public EncodedChunk encode(SourceVideo source, Rung rung, Chunk chunk, Path output) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rung, "rung");
        Objects.requireNonNull(chunk, "chunk");
        double fps = source.frameRate();
        long first = chunk.firstFrame(fps);
        long frames = Math.min(chunk.frameCount(fps), source.frameCount() - first);
        if (frames <= 0) {
            throw new IllegalArgumentException(
                    chunk + " holds no frames of a " + source.frameCount() + "-frame source");
        }
        Path dir = output.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + output.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            Files.createDirectories(dir);
            List<String> rate = rateArgs(rung);
            int runs = rung.rateControl() == RateControl.CAPPED_CRF ? 1 : passes;
            if (runs == 1) {
                runner.ffmpeg(args(source, rung, first, frames, rate, List.of(), temp));
            } else {
                Path log = Files.createTempFile(workDir, "chunk-pass-", "");
                String prefix = log.toString();
                try {
                    runner.ffmpeg(args(source, rung, first, frames, rate, passArgs(1, prefix), null));
                    runner.ffmpeg(args(source, rung, first, frames, rate, passArgs(2, prefix), temp));
                } finally {
                    for (String suffix : List.of("", "-0.log", "-0.log.mbtree", "-0.log.temp", "-0.log.mbtree.temp")) {
                        Files.deleteIfExists(Path.of(prefix + suffix));
                    }
                }
            }
            moveIntoPlace(temp, output);
            return new EncodedChunk(chunk, rung, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Best effort: a leftover temporary name is never taken for a chunk.
            }
        }
    }

    /**
     * The {@code -force_key_frames} expression: key the first chunk frame {@code n} at or after source frame
     * round(k × segment × fps), for the segment boundaries k at or after the chunk's first frame.
     */
    static String forceKeyFrames(Duration segment, double fps, long firstFrame) {
        double segFrames = segment.toNanos() / 1e9 * fps;
        long k = (long) Math.floor(firstFrame / segFrames);
        while (Math.round(k * segFrames) < firstFrame) {
            k++;
        }
        return String.format(Locale.ROOT, "expr:gte(n,floor((n_forced+%d)*%.9f+0.5)-%d)", k, segFrames, firstFrame);
    }

    private static List<String> rateArgs(Rung rung) {
        List<String> rate = new ArrayList<>();
        if (rung.rateControl() == RateControl.CAPPED_CRF) {
            rate.addAll(List.of("-crf", Integer.toString(Objects.requireNonNull(rung.crf()))));
        } else {
            rate.addAll(List.of("-b:v", Long.toString(rung.bitrate())));
        }
        rate.addAll(
                List.of("-maxrate", Long.toString(rung.maxBitrate()), "-bufsize", Long.toString(rung.bufferSize())));
        return rate;
    }

    private static List<String> passArgs(int pass, String prefix) {
        return List.of("-pass", Integer.toString(pass), "-passlogfile", prefix);
    }

    private List<String> args(
            SourceVideo source,
            Rung rung,
            long first,
            long frames,
            List<String> rate,
            List<String> pass,
            @Nullable Path temp) {
        double fps = source.frameRate();
        double seek = Math.max(0, (first - 0.5) / fps);
        String threads = Integer.toString(settings.threads());
        List<String> args = new ArrayList<>(List.of("-threads", threads));
        if (first > 0) {
            args.addAll(List.of("-ss", String.format(Locale.ROOT, "%.6f", seek)));
        }
        args.addAll(List.of(
                "-i",
                FfmpegRunner.fileArgument(source.file()),
                "-map",
                "0:v:0",
                "-an",
                "-sn",
                "-dn",
                "-frames:v",
                Long.toString(frames),
                "-filter_threads",
                threads,
                "-vf",
                "setpts=PTS-STARTPTS,scale=" + rung.resolution().width() + ":"
                        + rung.resolution().height() + ":flags=" + X264Settings.DOWNSCALER
                        + ",setsar=1,format=yuv420p"));
        args.addAll(settings.encoderArguments(source));
        args.addAll(List.of("-force_key_frames", forceKeyFrames(segment, fps, first)));
        args.addAll(rate);
        args.addAll(pass);
        if (temp == null) {
            args.addAll(List.of("-f", "null", "-"));
        } else {
            args.addAll(List.of("-f", "mp4", FfmpegRunner.fileArgument(temp)));
        }
        return args;
    }

    private static void moveIntoPlace(Path temp, Path output) throws IOException {
        try {
            Files.move(temp, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
