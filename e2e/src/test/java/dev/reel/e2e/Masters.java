package dev.reel.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small studio masters made with ffmpeg's lavfi sources, as a studio would upload them. */
public final class Masters {

    private Masters() {}

    /**
     * Writes a 320x180 24 fps H.264 master of {@code seconds} with an English and a French AAC track.
     *
     * @throws IllegalStateException if ffmpeg is missing or fails
     */
    public static Path generate(Path file, int seconds) throws IOException, InterruptedException {
        List<String> command = List.of(
                "ffmpeg",
                "-nostdin",
                "-loglevel",
                "error",
                "-y",
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
                "sine=frequency=660:sample_rate=48000:duration=" + seconds,
                "-map",
                "0:v",
                "-map",
                "1:a",
                "-map",
                "2:a",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-metadata:s:a:0",
                "language=eng",
                "-metadata:s:a:1",
                "language=fra",
                file.toString());
        return run(command, file);
    }

    /**
     * Writes a 960x540 master of {@code seconds} with fine moving detail (testsrc2 plus temporal noise) and an English
     * AAC track: tall enough that the fixed ladder gives it six rungs (240p to 480p, 235 to 1750 kbit/s), and busy
     * enough that the rungs use their bitrates. About 2.5 Mbit/s.
     *
     * @throws IllegalStateException if ffmpeg is missing or fails
     */
    public static Path generateDetailed(Path file, int seconds) throws IOException, InterruptedException {
        List<String> command = List.of(
                "ffmpeg",
                "-nostdin",
                "-loglevel",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=960x540:rate=24:duration=" + seconds,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000:duration=" + seconds,
                "-map",
                "0:v",
                "-map",
                "1:a",
                "-vf",
                "noise=alls=5:allf=t",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-crf",
                "26",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-metadata:s:a:0",
                "language=eng",
                file.toString());
        return run(command, file);
    }

    private static Path run(List<String> command, Path file) throws IOException, InterruptedException {
        Process ffmpeg;
        try {
            ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("ffmpeg is required for the media tests (apt-get install ffmpeg)", e);
        }
        String output = new String(ffmpeg.getInputStream().readAllBytes());
        if (!ffmpeg.waitFor(120, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + output);
        }
        return file;
    }
}
