package dev.reel.launcher.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generates the demo masters with ffmpeg into a directory, once: a master that exists is reused. Each is written to a
 * temporary file and renamed when ffmpeg succeeds, so an interrupted generation never leaves a master that looks
 * complete. Masters are H.264 (x264 ultrafast, CRF 18) with an AAC sine tone tagged {@code eng}; clips with
 * {@link DemoClip#extraTracks()} also get a French tone and English subtitles (mov_text from a generated SRT).
 */
public final class DemoMasters {

    /** How long one master may take to generate. */
    static final long TIMEOUT_SECONDS = 180;

    /** The subtitles of clips with extra tracks. */
    private static final String SUBTITLES = """
            1
            00:00:00,500 --> 00:00:02,500
            Welcome to Reel.

            2
            00:00:03,000 --> 00:00:05,000
            Every shape here is drawn by ffmpeg.

            3
            00:00:05,500 --> 00:00:07,500
            Flat colours cost few bits.
            """;

    private final Path directory;
    private final String ffmpeg;
    private final Path log;

    /**
     * Creates the generator.
     *
     * @param directory where masters go ({@code <data>/demo/masters})
     * @param ffmpeg the ffmpeg executable (a name on the PATH, or a path)
     * @param log file that receives ffmpeg's output (appended)
     */
    public DemoMasters(Path directory, String ffmpeg, Path log) {
        this.directory = directory;
        this.ffmpeg = ffmpeg;
        this.log = log;
    }

    /** Whether {@code ffmpeg -version} runs. */
    public static boolean available(String ffmpeg) {
        try {
            Process process = new ProcessBuilder(ffmpeg, "-hide_banner", "-version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return false;
                }
                return process.exitValue() == 0;
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                return false;
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Where {@code clip}'s master is (or will be). */
    public Path master(DemoClip clip) {
        return directory.resolve(clip.fileName());
    }

    /**
     * Returns {@code clip}'s master, generating it first if it does not exist.
     *
     * @throws IOException if ffmpeg fails, times out or cannot be started
     * @throws InterruptedException if interrupted (ffmpeg is killed and nothing is left behind)
     */
    public Path ensure(DemoClip clip) throws IOException, InterruptedException {
        Path master = master(clip);
        if (Files.isRegularFile(master) && Files.size(master) > 0) {
            return master;
        }
        Files.createDirectories(directory);
        Files.createDirectories(log.getParent());
        Path partial = directory.resolve(clip.key() + ".partial.mp4");
        Path subtitles = directory.resolve(clip.key() + ".srt");
        if (clip.extraTracks()) {
            Files.writeString(subtitles, SUBTITLES, StandardCharsets.UTF_8);
        }
        Process process = new ProcessBuilder(command(clip, partial, subtitles))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("ffmpeg took longer than " + TIMEOUT_SECONDS + " s for " + clip.key());
            }
            if (process.exitValue() != 0) {
                throw new IOException(
                        "ffmpeg failed for " + clip.key() + " (exit " + process.exitValue() + "); see " + log);
            }
            Files.move(partial, master, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return master;
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(partial);
            Files.deleteIfExists(subtitles);
        }
    }

    /** The ffmpeg command line for {@code clip}. */
    List<String> command(DemoClip clip, Path output, Path subtitles) {
        int seconds = DemoClip.SECONDS;
        var command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
        command.addAll(List.of("-f", "lavfi", "-i", clip.videoGraph()));
        command.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds));
        if (clip.extraTracks()) {
            command.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=660:sample_rate=48000:duration=" + seconds));
            command.addAll(List.of("-i", subtitles.toString()));
            command.addAll(List.of("-map", "0:v", "-map", "1:a", "-map", "2:a", "-map", "3:s"));
        } else {
            command.addAll(List.of("-map", "0:v", "-map", "1:a"));
        }
        command.addAll(List.of("-t", String.valueOf(seconds)));
        command.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-crf", "18", "-pix_fmt", "yuv420p"));
        command.addAll(List.of("-c:a", "aac", "-b:a", "128k", "-ac", "2"));
        command.addAll(List.of("-metadata:s:a:0", "language=eng"));
        if (clip.extraTracks()) {
            command.addAll(List.of("-metadata:s:a:1", "language=fra"));
            command.addAll(List.of("-c:s", "mov_text", "-metadata:s:s:0", "language=eng"));
        }
        command.addAll(List.of("-movflags", "+faststart", "-f", "mp4", output.toString()));
        return command;
    }
}
