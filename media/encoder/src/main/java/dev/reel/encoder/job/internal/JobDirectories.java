package dev.reel.encoder.job.internal;

import dev.reel.encoder.files.FileTrees;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * The scratch layout of a job under {@code <work-dir>/jobs/<jobId>/}. Video chunks have deterministic paths, so a
 * redone chunk overwrites its predecessor (written under a temporary name and renamed). Outputs that a task builds as
 * a whole tree (analysis, audio, subtitles, trickplay, package) go to a directory per attempt, so a worker that lost
 * its lease but is still writing never collides with the one that took over; the task's output names the directory
 * that counts.
 */
record JobDirectories(Path jobsRoot) {

    Path job(UUID jobId) {
        return jobsRoot.resolve(jobId.toString());
    }

    Path analysis(UUID jobId, int attempt) {
        return job(jobId).resolve("analysis").resolve(attempt(attempt));
    }

    Path rung(UUID jobId, int rung) {
        return job(jobId).resolve("video").resolve(String.format(Locale.ROOT, "rung-%02d", rung));
    }

    Path scratch(UUID jobId) {
        return job(jobId).resolve("tmp");
    }

    Path audio(UUID jobId, int ordinal, int attempt) {
        return job(jobId).resolve("audio").resolve(Integer.toString(ordinal)).resolve(attempt(attempt));
    }

    Path subtitles(UUID jobId, int attempt) {
        return job(jobId).resolve("subtitles").resolve(attempt(attempt));
    }

    Path trickplay(UUID jobId, int attempt) {
        return job(jobId).resolve("trickplay").resolve(attempt(attempt));
    }

    Path packaging(UUID jobId, int attempt) {
        return job(jobId).resolve("package").resolve(attempt(attempt));
    }

    private static String attempt(int attempt) {
        return "attempt-" + attempt;
    }

    /** Creates {@code dir} empty: an earlier attempt's leftovers with the same number are removed first. */
    static Path fresh(Path dir) throws IOException {
        FileTrees.deleteRecursively(dir);
        return Files.createDirectories(dir);
    }

    /** Removes the other attempts' directories next to {@code current}. */
    static void deleteSiblings(Path current) throws IOException {
        Path parent = current.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent)) {
            for (Path sibling : siblings) {
                if (!sibling.equals(current)) {
                    FileTrees.deleteRecursively(sibling);
                }
            }
        }
    }
}
