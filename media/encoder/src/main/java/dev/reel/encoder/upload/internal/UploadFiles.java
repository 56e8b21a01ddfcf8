package dev.reel.encoder.upload.internal;

import dev.reel.kit.web.PayloadTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of uploads under the work directory: {@code uploads/<id>.part} while bytes arrive, {@code
 * masters/<id>/master.<ext>} once accepted. Both directories must be on one file system, so that accepting a master is
 * an atomic rename. Files are named after the upload's id only; the client's filename never reaches a path.
 */
final class UploadFiles {

    private static final Logger log = LoggerFactory.getLogger(UploadFiles.class);
    private static final String PART = ".part";
    private static final int BUFFER = 256 * 1024;

    private final Path uploads;
    private final Path masters;

    UploadFiles(Path workDir) {
        Path root = workDir.toAbsolutePath().normalize();
        this.uploads = root.resolve("uploads");
        this.masters = root.resolve("masters");
    }

    /** How a chunk ended. */
    enum Ending {
        /** The whole body arrived and was written. */
        COMPLETE,
        /** The body ended before its declared length, or reading it failed: what arrived was kept. */
        EARLY,
        /** The body was longer than allowed: nothing of it was kept. */
        OVERFLOW
    }

    /**
     * The outcome of {@link #append}.
     *
     * @param bytes bytes of this chunk now durably in the part file (0 for {@link Ending#OVERFLOW})
     * @param ending how the chunk ended
     */
    record Appended(long bytes, Ending ending) {}

    /** The part file is shorter than the offset the database records: bytes were lost outside this service. */
    static final class PartFileShort extends Exception {
        private static final long serialVersionUID = 1L;
        private final long size;

        PartFileShort(long size) {
            super("part file holds " + size + " bytes");
            this.size = size;
        }

        long size() {
            return size;
        }
    }

    Path part(UUID id) {
        return uploads.resolve(id + PART);
    }

    Path masterDir(UUID id) {
        return masters.resolve(id.toString());
    }

    /** The master of an upload that was moved into place, if one was. */
    Optional<Path> existingMaster(UUID id) {
        Path dir = masterDir(id);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "master.*")) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    return Optional.of(entry);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code body} into the part file at {@code offset} and forces it to disk. Bytes past {@code offset} left by
     * an earlier attempt that never recorded them are cut off first. When the body is longer than {@code max} bytes,
     * nothing of it is kept. When reading the body fails (the client went away) or it ends before {@code
     * declaredLength}, the bytes read so far are kept.
     *
     * @param declaredLength the body's {@code Content-Length}, or {@code -1} when unknown
     * @throws PartFileShort when the part file holds fewer than {@code offset} bytes
     * @throws UncheckedIOException when writing fails (the part file is cut back to {@code offset})
     */
    Appended append(UUID id, long offset, long max, long declaredLength, InputStream body) throws PartFileShort {
        Path part = part(id);
        try {
            Files.createDirectories(uploads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size < offset) {
                throw new PartFileShort(size);
            }
            channel.truncate(offset);
            channel.position(offset);
            byte[] buffer = new byte[BUFFER];
            long written = 0;
            Ending ending = Ending.COMPLETE;
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (PayloadTooLargeException e) {
                    ending = Ending.OVERFLOW;
                    break;
                } catch (IOException e) {
                    log.info("upload {}: body ended after {} bytes ({})", id, written, e.toString());
                    ending = Ending.EARLY;
                    break;
                }
                if (n < 0) {
                    break;
                }
                if (written + n > max) {
                    ending = Ending.OVERFLOW;
                    break;
                }
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                try {
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                } catch (IOException e) {
                    cutBack(channel, offset);
                    throw new UncheckedIOException(e);
                }
                written += n;
            }
            if (ending == Ending.OVERFLOW) {
                cutBack(channel, offset);
                return new Appended(0, Ending.OVERFLOW);
            }
            if (ending == Ending.COMPLETE && declaredLength >= 0 && written < declaredLength) {
                ending = Ending.EARLY;
            }
            channel.force(true);
            return new Appended(written, ending);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cutBack(FileChannel channel, long offset) throws IOException {
        channel.truncate(offset);
        channel.force(true);
    }

    /**
     * Moves the complete part file to {@code masters/<id>/master.<ext>} with one atomic rename, and forces the
     * directories so the rename survives a crash.
     *
     * @return the master's path
     */
    Path moveToMaster(UUID id, String extension) {
        Path dir = masterDir(id);
        Path master = dir.resolve("master." + extension);
        try {
            Files.createDirectories(dir);
            Files.move(part(id), master, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
            syncDirectory(uploads);
            return master;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the upload's part file and master directory, whichever exist. Never throws; failures are logged. */
    void deleteAll(UUID id) {
        deletePart(id);
        Path dir = masterDir(id);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (NoSuchFileException e) {
            // removed concurrently: the goal is reached
        } catch (IOException e) {
            log.warn("could not delete {}", dir, e);
        }
    }

    /** Ids of the part files last modified before {@code before}; files not named {@code <uuid>.part} are skipped. */
    List<UUID> partFilesOlderThan(Instant before) {
        List<UUID> ids = new ArrayList<>();
        if (!Files.isDirectory(uploads)) {
            return ids;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(uploads, "*" + PART)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                UUID id = parseId(name.substring(0, name.length() - PART.length()));
                if (id == null) {
                    continue;
                }
                try {
                    if (Files.getLastModifiedTime(entry).toInstant().isBefore(before)) {
                        ids.add(id);
                    }
                } catch (NoSuchFileException e) {
                    // deleted meanwhile
                }
            }
        } catch (IOException e) {
            log.warn("could not list {}", uploads, e);
        }
        return ids;
    }

    /** Ids of the master directories last modified before {@code before}; other names are skipped. */
    List<UUID> masterDirsOlderThan(Instant before) {
        List<UUID> ids = new ArrayList<>();
        if (!Files.isDirectory(masters)) {
            return ids;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(masters)) {
            for (Path entry : entries) {
                UUID id = parseId(entry.getFileName().toString());
                if (id == null || !Files.isDirectory(entry)) {
                    continue;
                }
                try {
                    if (Files.getLastModifiedTime(entry).toInstant().isBefore(before)) {
                        ids.add(id);
                    }
                } catch (NoSuchFileException e) {
                    // deleted meanwhile
                }
            }
        } catch (IOException e) {
            log.warn("could not list {}", masters, e);
        }
        return ids;
    }

    /** Deletes the upload's part file only. Never throws; failures are logged. */
    void deletePart(UUID id) {
        try {
            Files.deleteIfExists(part(id));
        } catch (IOException e) {
            log.warn("could not delete {}", part(id), e);
        }
    }

    private static @Nullable UUID parseId(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equals(text) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every platform can open a directory; the rename itself is still atomic.
            log.debug("could not force directory {}", dir, e);
        }
    }
}
