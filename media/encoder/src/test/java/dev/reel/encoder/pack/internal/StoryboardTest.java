package dev.reel.encoder.pack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryboardTest {

    @TempDir
    Path dir;

    @Test
    void thumbnailsAreTiledRowByRowAndTheLastSpriteHasOnlyTheRowsItNeeds() throws Exception {
        List<Path> thumbnails = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            BufferedImage image = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(i * 30, 255 - i * 30, 128));
            g.fillRect(0, 0, 16, 8);
            g.dispose();
            Path file = dir.resolve(String.format(Locale.ROOT, "t-%02d.png", i));
            ImageIO.write(image, "png", file.toFile());
            thumbnails.add(file);
        }
        Path out = Files.createDirectories(dir.resolve("out"));

        List<Storyboard.Tile> tiles = Storyboard.compose(thumbnails, 2, 2, out);

        assertThat(tiles).hasSize(7);
        assertThat(tiles.get(3)).isEqualTo(new Storyboard.Tile("sprite-0001.jpg", 16, 8, 16, 8));
        assertThat(tiles.get(6)).isEqualTo(new Storyboard.Tile("sprite-0002.jpg", 0, 8, 16, 8));
        BufferedImage first = ImageIO.read(out.resolve("sprite-0001.jpg").toFile());
        assertThat(first.getWidth()).isEqualTo(32);
        assertThat(first.getHeight()).isEqualTo(16);
        BufferedImage second = ImageIO.read(out.resolve("sprite-0002.jpg").toFile());
        assertThat(second.getWidth()).isEqualTo(32);
        assertThat(second.getHeight()).isEqualTo(16);
        // Thumbnail 4 (second sprite, top left) keeps its colour.
        Color pixel = new Color(second.getRGB(4, 4));
        assertThat(pixel.getRed()).isBetween(100, 140);
        assertThat(pixel.getGreen()).isBetween(115, 155);
    }

    @Test
    void vttMapsEachIntervalToItsTileAndEndsAtTheDuration() {
        List<Storyboard.Tile> tiles = List.of(
                new Storyboard.Tile("sprite-0001.jpg", 0, 0, 160, 90),
                new Storyboard.Tile("sprite-0001.jpg", 160, 0, 160, 90),
                new Storyboard.Tile("sprite-0001.jpg", 320, 0, 160, 90),
                new Storyboard.Tile("sprite-0001.jpg", 480, 0, 160, 90));

        String vtt = Storyboard.vtt(tiles, Duration.ofSeconds(2), Duration.ofMillis(5500));

        assertThat(vtt).isEqualTo("""
                        WEBVTT

                        00:00:00.000 --> 00:00:02.000
                        sprite-0001.jpg#xywh=0,0,160,90

                        00:00:02.000 --> 00:00:04.000
                        sprite-0001.jpg#xywh=160,0,160,90

                        00:00:04.000 --> 00:00:05.500
                        sprite-0001.jpg#xywh=320,0,160,90
                        """);
        assertThat(Storyboard.timestamp(3_723_004)).isEqualTo("01:02:03.004");
    }
}
