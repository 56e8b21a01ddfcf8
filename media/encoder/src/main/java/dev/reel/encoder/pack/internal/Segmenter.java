package dev.reel.encoder.pack.internal;

import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.files.FileTrees;
import dev.reel.encoder.pack.PackagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Cuts one track of an MP4 into clear CMAF fragments with ffmpeg's HLS muxer in fMP4 mode and stream copy: an init
 * segment and one {@code moof}+{@code mdat} segment per segment duration, cut at the first keyframe at or after every
 * multiple of it. Nothing is re-encoded, so video must already have keyframes on the segment boundaries.
 */
public final class Segmenter {

    /** The longest last segment {@code dropTrailingSliver} deletes. */
    public static final Duration MAX_SLIVER = Duration.ofMillis(100);

    private static final String PLAYLIST = "ffmpeg.m3u8";
    private static final String EXTINF = "#EXTINF:";

    private final FfmpegRunner runner;

    public Segmenter(FfmpegRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * The clear segments of one track.
     *
     * @param init the init segment
     * @param segments the media segments in playback order
     */
    public record Segmented(Path init, List<Path> segments) {

        public Segmented {
            segments = List.copyOf(segments);
        }
    }

    /**
     * Segments the first stream that {@code stream} selects ({@code v:0}, {@code a:0}) of {@code input} into {@code
     * dir}, which is emptied first.
     *
     * <p>With {@code dropTrailingSliver}, a last segment shorter than {@link #MAX_SLIVER} is deleted. Audio needs it:
     * the AAC encoder's priming frame and the rounding up of the last frame run a frame or two (21 ms each at 48 kHz)
     * past the picture, which would otherwise become a segment of its own that no video rung has.
     *
     * @throws dev.reel.encoder.ffmpeg.FfmpegException if ffmpeg fails
     * @throws PackagingException if ffmpeg wrote no init segment or no media segment
     */
    public Segmented segment(Path input, String stream, Duration segment, boolean dropTrailingSliver, Path dir) {
        try {
            FileTrees.deleteRecursively(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path playlist = dir.resolve(PLAYLIST);
        runner.ffmpeg(List.of(
                "-i",
                FfmpegRunner.fileArgument(input),
                "-map",
                "0:" + stream,
                "-c",
                "copy",
                "-map_metadata",
                "-1",
                "-f",
                "hls",
                "-hls_segment_type",
                "fmp4",
                "-hls_time",
                String.format(Locale.ROOT, "%.6f", segment.toNanos() / 1e9),
                "-hls_playlist_type",
                "vod",
                "-hls_list_size",
                "0",
                "-start_number",
                "1",
                "-hls_fmp4_init_filename",
                PackagedTrack.INIT,
                "-hls_segment_filename",
                FfmpegRunner.fileArgument(dir.resolve("seg-%05d.m4s")),
                FfmpegRunner.fileArgument(playlist)));
        Path init = dir.resolve(PackagedTrack.INIT);
        List<Path> segments = new ArrayList<>();
        double lastSeconds = 0;
        try {
            for (String line : Files.readAllLines(playlist)) {
                String name = line.strip();
                if (name.startsWith(EXTINF)) {
                    lastSeconds = Double.parseDouble(name.substring(EXTINF.length(), name.indexOf(',')));
                } else if (!name.isEmpty() && !name.startsWith("#")) {
                    Path file = dir.resolve(Path.of(name).getFileName().toString());
                    if (!Files.isRegularFile(file)) {
                        throw new PackagingException("ffmpeg listed segment " + name + " but did not write it");
                    }
                    segments.add(file);
                }
            }
            if (dropTrailingSliver && segments.size() > 1 && lastSeconds < MAX_SLIVER.toNanos() / 1e9) {
                Files.delete(segments.removeLast());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.isRegularFile(init)) {
            throw new PackagingException("ffmpeg wrote no init segment for " + input.getFileName());
        }
        if (segments.isEmpty()) {
            throw new PackagingException("ffmpeg wrote no media segment for " + input.getFileName());
        }
        return new Segmented(init, segments);
    }
}
