package dev.reel.launcher.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A file holding one process id, such as {@code <data>/run/launcher.pid} or PostgreSQL's {@code postmaster.pid}. */
public final class PidFile {

    private PidFile() {}

    /**
     * Reads the pid on the first line of {@code file}.
     *
     * @return empty if the file is missing or its first line is not a pid
     */
    public static Optional<Long> read(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.findFirst()
                    .map(String::strip)
                    .filter(s -> s.matches("\\d+"))
                    .map(Long::parseLong);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the live process whose pid {@code file} holds.
     *
     * @return empty if the file is missing, malformed or names a process that no longer exists
     */
    public static Optional<ProcessHandle> readAlive(Path file) {
        return read(file).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    }

    /**
     * Writes {@code pid} to {@code file}, creating parent directories.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, long pid) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pid + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Deletes {@code file} if it exists; failures are ignored (the next launcher overwrites it). */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale pid file only names a dead process, which every reader checks for
        }
    }
}
