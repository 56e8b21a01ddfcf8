package dev.reel.e2e.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A 960x540 master with fine moving detail (ffmpeg's testsrc2 plus temporal noise) and an English AAC track: tall
 * enough that the fixed ladder gives it six rungs (240p to 480p, 235 to 1750 kbit/s), and busy enough that the rungs
 * use their bitrates. About 2.5 Mbit/s: a minute uploads in moments.
 */
final class DetailedMaster {

    private DetailedMaster() {}

    /**
     * Writes {@code seconds} of the master to {@code file} and returns it.
     *
     * @throws IllegalStateException if ffmpeg is missing or fails
     */
    static Path write(Path file, int seconds) throws IOException, InterruptedException {
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
        Process ffmpeg;
        try {
            ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("ffmpeg is required for the studio upload (apt-get install ffmpeg)", e);
        }
        String output = new String(ffmpeg.getInputStream().readAllBytes());
        if (!ffmpeg.waitFor(120, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + output);
        }
        return file;
    }
}
