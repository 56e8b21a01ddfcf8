package dev.reel.encoder;

import dev.reel.encoder.ffmpeg.FfmpegRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Tiny generated masters for the packaging and job tests. */
public final class TestMasters {

    private TestMasters() {}

    /**
     * An MP4 of {@code seconds} of 320x180 24 fps test pattern (H.264, keyframes every 2 s), two AAC tracks tagged
     * {@code eng} (48 kHz) and {@code fra} (44.1 kHz, so encoders must resample), and an English {@code mov_text} subtitle track.
     */
    public static Path generate(FfmpegRunner runner, Path file, int seconds) throws IOException {
        Path srt = file.resolveSibling(file.getFileName() + ".srt");
        Files.writeString(srt, """
                1
                00:00:00,500 --> 00:00:02,500
                Hello from the test master.

                2
                00:00:03,000 --> 00:00:05,000
                Second line.
                """);
        runner.ffmpeg(List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x180:rate=24:duration=" + seconds,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000:duration=" + seconds,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=660:sample_rate=44100:duration=" + seconds,
                "-i",
                FfmpegRunner.fileArgument(srt),
                "-map",
                "0:v",
                "-map",
                "1:a",
                "-map",
                "2:a",
                "-map",
                "3:s",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-g",
                "48",
                "-keyint_min",
                "48",
                "-sc_threshold",
                "0",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-b:a",
                "64k",
                "-c:s",
                "mov_text",
                "-metadata:s:a:0",
                "language=eng",
                "-metadata:s:a:1",
                "language=fra",
                "-metadata:s:s:0",
                "language=eng",
                "-f",
                "mp4",
                FfmpegRunner.fileArgument(file)));
        Files.delete(srt);
        return file;
    }
}
