package dev.reel.cmaf.cenc;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs ffmpeg and ffprobe for integration tests. They must be on PATH: a missing tool fails the test. */
final class Ffmpeg {

    record Result(int exitCode, String stdout, String stderr) {}

    private final Path workDir;
    private int runs;

    Ffmpeg(Path workDir) {
        this.workDir = workDir;
    }

    static void requireOnPath() {
        for (String tool : List.of("ffmpeg", "ffprobe")) {
            boolean found = false;
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                    found = true;
                }
            }
            if (!found) {
                fail(tool + " is not on PATH. CencIT needs ffmpeg/ffprobe 5.1 or later"
                        + " (Debian: apt-get install -y ffmpeg; .ci/run installs it).");
            }
        }
    }

    /** Runs {@code command}, waiting up to 60 s; stdout and stderr go through files, never a full pipe. */
    Result run(List<String> command) throws IOException, InterruptedException {
        int n = runs++;
        Path out = workDir.resolve("run-" + n + ".out");
        Path err = workDir.resolve("run-" + n + ".err");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                fail("Timed out: " + String.join(" ", command));
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.ISO_8859_1),
                Files.readString(err, StandardCharsets.ISO_8859_1));
    }

    /** Runs {@code command} and fails the test unless it exits with 0. */
    Result check(List<String> command) throws IOException, InterruptedException {
        Result result = run(command);
        if (result.exitCode() != 0) {
            fail("Exit " + result.exitCode() + ": " + String.join(" ", command) + "\n" + tail(result.stderr()));
        }
        return result;
    }

    static List<String> cmd(String... parts) {
        return new ArrayList<>(List.of(parts));
    }

    private static String tail(String text) {
        return text.length() <= 2000 ? text : text.substring(text.length() - 2000);
    }
}
