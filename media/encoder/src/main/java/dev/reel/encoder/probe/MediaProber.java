package dev.reel.encoder.probe;

import dev.reel.encoder.ffmpeg.FfmpegException;
import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.probe.internal.FfprobeOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads what a media file holds, with ffprobe. Thread-safe.
 *
 * <p>{@link #probe} reads only the container headers, so it is quick but trusts them: a file truncated after a
 * complete header can still probe fine. {@link #checkDecodes} decodes every stream to catch that, at the cost of a
 * full decode; run it once on ingest.
 */
public final class MediaProber {

    private final FfmpegRunner runner;

    public MediaProber(FfmpegRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * Probes {@code file} without keyframe times.
     *
     * @throws MediaProbeException if the file is missing, empty, not a media file, or corrupt
     * @throws FfmpegException if ffprobe itself cannot run (not found, timed out, interrupted)
     */
    public MediaInfo probe(Path file) {
        return probe(file, false);
    }

    /**
     * Probes {@code file}; with {@code keyframes}, also lists the presentation times of the video keyframes (read from
     * packet flags, without decoding).
     *
     * @throws MediaProbeException if the file is missing, empty, not a media file, or corrupt
     * @throws FfmpegException if ffprobe itself cannot run (not found, timed out, interrupted)
     */
    public MediaInfo probe(Path file, boolean keyframes) {
        requireNonEmptyFile(file);
        String json;
        try {
            json = runner.ffprobe(List.of(
                            "-v",
                            "error",
                            "-print_format",
                            "json",
                            "-show_format",
                            "-show_streams",
                            FfmpegRunner.fileArgument(file)))
                    .stdout();
        } catch (FfmpegException e) {
            if (e.exitCode() == FfmpegException.NO_EXIT_CODE) {
                throw e;
            }
            throw new MediaProbeException("Not a readable media file (" + lastLine(e.stderrTail()) + ")", e);
        }
        MediaInfo info = FfprobeOutput.parse(json);
        if (keyframes && info.video() != null) {
            info = info.withKeyframeTimes(keyframeTimes(file));
        }
        return info;
    }

    /**
     * The presentation times of the first video stream's keyframes, ascending.
     *
     * @throws MediaProbeException if the file cannot be read
     */
    public List<Duration> keyframeTimes(Path file) {
        requireNonEmptyFile(file);
        List<Duration> times = new ArrayList<>();
        try {
            runner.ffprobe(
                    List.of(
                            "-v",
                            "error",
                            "-select_streams",
                            "v:0",
                            "-show_entries",
                            "packet=pts_time,flags",
                            "-of",
                            "csv=print_section=0",
                            FfmpegRunner.fileArgument(file)),
                    line -> {
                        Duration time = FfprobeOutput.keyframeTime(line);
                        if (time != null) {
                            times.add(time);
                        }
                    });
        } catch (FfmpegException e) {
            if (e.exitCode() == FfmpegException.NO_EXIT_CODE) {
                throw e;
            }
            throw new MediaProbeException("Could not read keyframes (" + lastLine(e.stderrTail()) + ")", e);
        }
        times.sort(null);
        return times;
    }

    /**
     * Decodes every video and audio stream of {@code file} and fails on the first decoding error, which catches truncated and
     * corrupted files whose headers look fine. Costs a full decode.
     *
     * @throws MediaProbeException if decoding reports an error
     */
    public void checkDecodes(Path file) {
        requireNonEmptyFile(file);
        String errors;
        try {
            errors = runner.ffmpeg(List.of(
                            "-v",
                            "error",
                            "-xerror",
                            "-i",
                            FfmpegRunner.fileArgument(file),
                            "-map",
                            "0:v",
                            "-map",
                            "0:a?",
                            // Frames are only counted: without this the null muxer rejects the equal timestamps
                            // that Matroska's millisecond clock gives B-frame video, which is not corruption.
                            "-fps_mode",
                            "vfr",
                            "-f",
                            "null",
                            "-"))
                    .stderrTail()
                    .strip();
        } catch (FfmpegException e) {
            if (e.exitCode() == FfmpegException.NO_EXIT_CODE) {
                throw e;
            }
            throw new MediaProbeException("The file is corrupt (" + lastLine(e.stderrTail()) + ")", e);
        }
        if (!errors.isEmpty()) {
            throw new MediaProbeException("The file is corrupt (" + lastLine(errors) + ")");
        }
    }

    private static void requireNonEmptyFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MediaProbeException("No such file: " + file.getFileName());
        }
        try {
            if (Files.size(file) == 0) {
                throw new MediaProbeException("The file is empty");
            }
        } catch (IOException e) {
            throw new MediaProbeException("Cannot read " + file.getFileName(), e);
        }
    }

    private static String lastLine(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return "no details from ffprobe";
        }
        int newline = trimmed.lastIndexOf('\n');
        return trimmed.substring(newline + 1).strip();
    }
}
