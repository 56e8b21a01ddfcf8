package dev.reel.launcher.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Chaos holds: {@code <data>/run/holds/<instance-name>} files, each holding the epoch milliseconds until which the
 * supervisor must keep that instance down after it exits (written by {@code reel chaos gorilla} before it kills the
 * instance). The supervisor reads a hold when the instance exits and deletes it when it restarts the instance;
 * {@code reel up} and {@code reel down} delete them all. A file that is not a number is ignored and deleted.
 *
 * @param directory the holds directory, {@code <data>/run/holds}; created on the first {@link #hold}
 */
public record Holds(Path directory) {

    /**
     * Keeps {@code instance} down until {@code until} once it exits. Replaces an earlier hold of the instance; the file
     * is written atomically, so the supervisor never reads half of it.
     *
     * @param instance the instance name, {@code <service>-<index>}
     * @throws IllegalArgumentException if {@code instance} is not an instance name
     * @throws UncheckedIOException if the file cannot be written
     */
    public void hold(String instance, Instant until) {
        Path file = file(instance);
        try {
            Files.createDirectories(directory);
            Path tmp = directory.resolve("." + instance + ".tmp");
            Files.writeString(tmp, Long.toString(until.toEpochMilli()) + System.lineSeparator());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * The end of {@code instance}'s hold, whether it is in the past or not.
     *
     * @return empty if there is no hold; also if the file is corrupt, which is then deleted
     */
    public Optional<Instant> read(String instance) {
        Path file = file(instance);
        String text;
        try {
            text = Files.readString(file).strip();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        try {
            long millis = Long.parseLong(text);
            if (millis >= 0) {
                return Optional.of(Instant.ofEpochMilli(millis));
            }
        } catch (NumberFormatException e) {
            // corrupt: fall through
        }
        release(instance);
        return Optional.empty();
    }

    /**
     * How long to wait before restarting {@code instance}, which just exited: until its hold ends if that is after
     * {@code now}, else {@code backoff}.
     *
     * @param backoff the supervisor's own restart delay
     * @return the delay, and whether a hold decided it
     */
    public RestartDelay restartDelay(String instance, Duration backoff, Instant now) {
        return decide(read(instance), backoff, now);
    }

    /**
     * The scheduling decision on its own: a hold in the future replaces the backoff delay with the time until it ends;
     * a hold that already ended changes nothing.
     */
    public static RestartDelay decide(Optional<Instant> hold, Duration backoff, Instant now) {
        if (hold.isPresent() && hold.get().isAfter(now)) {
            return new RestartDelay(Duration.between(now, hold.get()), hold);
        }
        return new RestartDelay(backoff, Optional.empty());
    }

    /**
     * When to restart an instance.
     *
     * @param delay how long to wait from now
     * @param heldUntil the end of the chaos hold that set the delay, or empty for the ordinary backoff
     */
    public record RestartDelay(Duration delay, Optional<Instant> heldUntil) {}

    /** Deletes {@code instance}'s hold, if any (after it was restarted). Failures are ignored. */
    public void release(String instance) {
        try {
            Files.deleteIfExists(file(instance));
        } catch (IOException e) {
            // the next start of the launcher deletes it
        }
    }

    /**
     * Deletes every hold (a stale one would keep an instance of the next run down).
     *
     * @return how many were deleted
     */
    public int clear() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: a hold that survives is read and released like any other
        }
        return deleted;
    }

    private Path file(String instance) {
        if (!instance.matches("[a-z][a-z0-9-]*-\\d+")) {
            throw new IllegalArgumentException("not an instance name: " + instance);
        }
        return directory.resolve(instance);
    }
}
