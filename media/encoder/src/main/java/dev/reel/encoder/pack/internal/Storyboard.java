package dev.reel.encoder.pack.internal;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Trickplay storyboards: thumbnails tiled row by row into JPEG sprites, and the WebVTT file that maps each thumbnail's
 * time range to its region of a sprite ({@code sprite-0001.jpg#xywh=x,y,w,h}).
 */
public final class Storyboard {

    private static final float JPEG_QUALITY = 0.8f;

    private Storyboard() {}

    /**
     * Where one thumbnail is.
     *
     * @param sprite the sprite's file name
     */
    public record Tile(String sprite, int x, int y, int width, int height) {}

    /** The file name of sprite {@code number} (from 1): {@code sprite-0001.jpg}. */
    public static String spriteName(int number) {
        return String.format(Locale.ROOT, "sprite-%04d.jpg", number);
    }

    /**
     * Tiles {@code thumbnails} (images of one size, in time order) into sprites of up to {@code columns} × {@code
     * rows}, written to {@code outDir} as {@code sprite-0001.jpg}...; the last sprite has only the rows it needs.
     *
     * @return one tile per thumbnail, in order
     * @throws UncheckedIOException if a thumbnail cannot be read or a sprite written
     */
    public static List<Tile> compose(List<Path> thumbnails, int columns, int rows, Path outDir) {
        List<Tile> tiles = new ArrayList<>(thumbnails.size());
        int perSprite = columns * rows;
        try {
            for (int first = 0, number = 1; first < thumbnails.size(); first += perSprite, number++) {
                List<Path> batch = thumbnails.subList(first, Math.min(thumbnails.size(), first + perSprite));
                List<BufferedImage> images = new ArrayList<>(batch.size());
                for (Path thumbnail : batch) {
                    BufferedImage image = ImageIO.read(thumbnail.toFile());
                    if (image == null) {
                        throw new IOException("Not a readable image: " + thumbnail);
                    }
                    images.add(image);
                }
                int width = images.getFirst().getWidth();
                int height = images.getFirst().getHeight();
                int usedColumns = Math.min(columns, images.size());
                int usedRows = (images.size() + columns - 1) / columns;
                BufferedImage sprite =
                        new BufferedImage(usedColumns * width, usedRows * height, BufferedImage.TYPE_INT_RGB);
                Graphics2D graphics = sprite.createGraphics();
                String name = spriteName(number);
                try {
                    for (int i = 0; i < images.size(); i++) {
                        int x = (i % columns) * width;
                        int y = (i / columns) * height;
                        graphics.drawImage(images.get(i), x, y, width, height, null);
                        tiles.add(new Tile(name, x, y, width, height));
                    }
                } finally {
                    graphics.dispose();
                }
                writeJpeg(sprite, outDir.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tiles;
    }

    /**
     * The {@code thumbnails.vtt} text: tile {@code i} covers {@code [i × interval, min((i + 1) × interval,
     * duration))}; tiles that would start at or after the end are left out.
     */
    public static String vtt(List<Tile> tiles, Duration interval, Duration duration) {
        StringBuilder out = new StringBuilder("WEBVTT\n");
        long step = interval.toMillis();
        long end = duration.toMillis();
        for (int i = 0; i < tiles.size(); i++) {
            long from = i * step;
            if (from >= end) {
                break;
            }
            long to = Math.min(from + step, end);
            Tile tile = tiles.get(i);
            out.append('\n')
                    .append(timestamp(from))
                    .append(" --> ")
                    .append(timestamp(to))
                    .append('\n')
                    .append(tile.sprite())
                    .append("#xywh=")
                    .append(tile.x())
                    .append(',')
                    .append(tile.y())
                    .append(',')
                    .append(tile.width())
                    .append(',')
                    .append(tile.height())
                    .append('\n');
        }
        return out.toString();
    }

    /** A WebVTT timestamp, {@code HH:MM:SS.mmm}. */
    static String timestamp(long millis) {
        return String.format(
                Locale.ROOT,
                "%02d:%02d:%02d.%03d",
                millis / 3_600_000,
                (millis / 60_000) % 60,
                (millis / 1000) % 60,
                millis % 1000);
    }

    private static void writeJpeg(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
