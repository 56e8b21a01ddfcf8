package dev.reel.launcher.studio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;

/**
 * The unfinished uploads of this machine, one JSON file each under a directory ({@code <data>/run/ingest/}), so that
 * running {@code reel ingest} again for the same master and title resumes the upload instead of starting over.
 *
 * <p>An upload is identified by its {@link Key}: the title, the master's absolute path, its size and its modification
 * time. A master that changed (new size or time) is a new upload. Entries are written atomically; a corrupt or
 * mismatching entry is treated as absent.
 */
public final class ResumeStore {

    private final Path directory;

    /** Creates a store over {@code directory} (created on first save). */
    public ResumeStore(Path directory) {
        this.directory = directory;
    }

    /**
     * What identifies an upload of a master.
     *
     * @param titleId the catalog title
     * @param path the master's absolute, normalised path
     * @param size its size in bytes
     * @param modifiedMillis its modification time, in milliseconds since the epoch
     */
    public record Key(UUID titleId, String path, long size, long modifiedMillis) {

        public Key {
            Objects.requireNonNull(titleId, "titleId");
            Objects.requireNonNull(path, "path");
        }

        /**
         * The key of {@code file} as it is now.
         *
         * @throws IOException if its attributes cannot be read
         */
        public static Key of(UUID titleId, Path file) throws IOException {
            Path absolute = file.toAbsolutePath().normalize();
            return new Key(
                    titleId,
                    absolute.toString(),
                    Files.size(absolute),
                    Files.getLastModifiedTime(absolute).toMillis());
        }

        /** A stable file name for this key: a hash of its fields. */
        String fileName() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                String text = titleId + "\n" + path + "\n" + size + "\n" + modifiedMillis;
                byte[] digest = sha.digest(text.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 16) + ".json";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JDK", e);
            }
        }
    }

    /**
     * One unfinished upload.
     *
     * @param key what it uploads
     * @param uploadId the encoder's upload id
     * @param createdAt when the upload was created
     */
    public record Entry(Key key, UUID uploadId, Instant createdAt) {

        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(uploadId, "uploadId");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /** The unfinished upload of {@code key}, if one was saved and not removed. */
    public Optional<Entry> find(Key key) {
        Path file = directory.resolve(key.fileName());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Entry entry = Json.MAPPER.readValue(Files.readString(file), Entry.class);
            return entry.key().equals(key) ? Optional.of(entry) : Optional.empty();
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }

    /**
     * Saves (or replaces) the entry for its key, atomically.
     *
     * @throws UncheckedIOException if it cannot be written
     */
    public void save(Entry entry) {
        Path file = directory.resolve(entry.key().fileName());
        try {
            Files.createDirectories(directory);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Json.write(entry));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Forgets the upload of {@code key} (finished, or unknown to the encoder). */
    public void remove(Key key) {
        try {
            Files.deleteIfExists(directory.resolve(key.fileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete an entry in " + directory, e);
        }
    }
}
