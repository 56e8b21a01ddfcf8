package dev.reel.encoder.pack;

import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.files.FileTrees;
import dev.reel.encoder.pack.internal.Storyboard;
import dev.reel.encoder.probe.MediaInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Makes trickplay storyboards for seeking previews: a {@value #THUMBNAIL_WIDTH}-pixel-wide thumbnail of the master
 * every {@link #interval(Duration) interval}, tiled {@value #COLUMNS} × {@value #ROWS} into JPEG sprites ({@code
 * sprite-0001.jpg}...), and {@code thumbnails.vtt}, whose cues map each interval to its thumbnail as {@code
 * sprite-0001.jpg#xywh=x,y,w,h}. {@code thumbnails.vtt} is written last, under a temporary name renamed into place, so
 * its presence means the sprites are complete. Thread-safe; concurrent calls must use different output directories.
 */
public final class TrickplayGenerator {

    /** The thumbnails' width in pixels; the height keeps the picture's display aspect ratio (rounded to even). */
    public static final int THUMBNAIL_WIDTH = 160;

    /** Thumbnails per sprite row. */
    public static final int COLUMNS = 5;

    /** Rows per sprite. */
    public static final int ROWS = 5;

    private static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(2);
    private static final Duration LONGEST_INTERVAL = Duration.ofSeconds(10);
    private static final int TARGET_THUMBNAILS = 300;

    private final FfmpegRunner runner;

    public TrickplayGenerator(FfmpegRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * The thumbnail interval for a title: 2 s up to 10 minutes, then as long as keeps the count near {@value
     * #TARGET_THUMBNAILS} in whole seconds, at most 10 s (a two-hour film gets 720 thumbnails in 29 sprites).
     */
    public static Duration interval(Duration titleDuration) {
        long seconds = (long) Math.ceil(titleDuration.toMillis() / 1000.0 / TARGET_THUMBNAILS);
        Duration interval = Duration.ofSeconds(seconds);
        if (interval.compareTo(SHORTEST_INTERVAL) < 0) {
            return SHORTEST_INTERVAL;
        }
        return interval.compareTo(LONGEST_INTERVAL) > 0 ? LONGEST_INTERVAL : interval;
    }

    /**
     * Writes the storyboard of {@code master}'s first video stream into {@code outDir} (created if missing; earlier
     * sprites and {@code thumbnails.vtt} there are replaced).
     *
     * @param info the master's probe
     * @throws dev.reel.encoder.probe.MediaProbeException if the master has no usable video
     * @throws dev.reel.encoder.ffmpeg.FfmpegException if ffmpeg fails
     * @throws UncheckedIOException if the files cannot be written
     */
    public TrickplayInput generate(Path master, MediaInfo info, Path outDir) {
        Objects.requireNonNull(master, "master");
        info.requireVideo();
        Duration duration = info.duration();
        Duration interval = interval(duration);
        Path dir = outDir.toAbsolutePath();
        Path frames = dir.resolve(".thumbnails-" + UUID.randomUUID());
        Path vtt = dir.resolve(TrickplayInput.THUMBNAILS_VTT);
        Path vttTemp = dir.resolve("." + TrickplayInput.THUMBNAILS_VTT + "." + UUID.randomUUID() + ".partial");
        try {
            Files.createDirectories(frames);
            Files.deleteIfExists(vtt);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "sprite-*.jpg")) {
                for (Path sprite : old) {
                    Files.delete(sprite);
                }
            }
            runner.ffmpeg(List.of(
                    "-i",
                    FfmpegRunner.fileArgument(master),
                    "-map",
                    "0:v:0",
                    "-an",
                    "-sn",
                    "-dn",
                    "-vf",
                    "fps=1000/" + interval.toMillis() + ",scale=" + THUMBNAIL_WIDTH
                            + ":trunc(ow/dar/2)*2:flags=bicubic,setsar=1",
                    "-f",
                    "image2",
                    "-c:v",
                    "png",
                    "-start_number",
                    "1",
                    FfmpegRunner.fileArgument(frames.resolve("t-%06d.png"))));
            List<Path> thumbnails;
            try (Stream<Path> files = Files.list(frames)) {
                thumbnails = new ArrayList<>(
                        files.filter(f -> f.getFileName().toString().endsWith(".png"))
                                .sorted()
                                .toList());
            }
            long wanted = Math.max(1, (duration.toMillis() + interval.toMillis() - 1) / interval.toMillis());
            if (thumbnails.size() > wanted) {
                thumbnails = thumbnails.subList(0, (int) wanted);
            }
            if (thumbnails.isEmpty()) {
                throw new PackagingException("ffmpeg made no thumbnails of " + master.getFileName());
            }
            List<Storyboard.Tile> tiles = Storyboard.compose(thumbnails, COLUMNS, ROWS, dir);
            Files.writeString(vttTemp, Storyboard.vtt(tiles, interval, duration));
            FileTrees.move(vttTemp, vtt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FileTrees.deleteQuietly(frames);
            FileTrees.deleteQuietly(vttTemp);
        }
        return new TrickplayInput(dir);
    }
}
