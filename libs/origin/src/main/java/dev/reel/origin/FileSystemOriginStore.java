package dev.reel.origin;

import dev.reel.origin.internal.BoundedInputStream;
import dev.reel.origin.internal.LocalTree;
import dev.reel.origin.internal.LocalTree.LocalFile;
import dev.reel.origin.internal.Pointer;
import dev.reel.origin.internal.ProgressTracker;
import dev.reel.origin.internal.VersionIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The embedded origin: titles in a directory on the local filesystem.
 *
 * <h2>Layout</h2>
 *
 * <pre>
 * &lt;root&gt;/&lt;titleId&gt;/CURRENT                   pointer (JSON): current version + superseded ones
 * &lt;root&gt;/&lt;titleId&gt;/v-&lt;id&gt;/&lt;relative path&gt;     a complete, immutable version
 * &lt;root&gt;/&lt;titleId&gt;/.staging-v-&lt;id&gt;/...         an upload in progress (or interrupted)
 * &lt;root&gt;/.locks/&lt;titleId&gt;.lock               serialises writers of a title across processes
 * </pre>
 *
 * <h2>Atomicity</h2>
 *
 * Each file is copied to a hidden temporary name, checked against its SHA-256, {@code fsync}ed and
 * renamed into the staging directory. When every file is there, the staging directories are
 * {@code fsync}ed and the staging directory is renamed to {@code v-<id>} in one {@code rename(2)}:
 * a {@code v-} directory is complete by construction. Then a new pointer is written to a
 * temporary file, {@code fsync}ed, and moved over {@code CURRENT} with {@code ATOMIC_MOVE}, and
 * the title directory is {@code fsync}ed. A reader opens either the old or the new {@code CURRENT}
 * and so resolves either the old or the new complete version. A crash at any step leaves the old
 * pointer and its version untouched; the next publish of the same content resumes the staging
 * directory, skipping files already stored.
 *
 * <p>Writers of one title (publish, unpublish, garbage collection) hold a lock: a {@link
 * ReentrantLock} within the JVM plus an OS file lock across processes sharing the root. Readers
 * take no lock. Garbage collection first renames a doomed version to a hidden name, so a pinned
 * reader sees it vanish at once rather than file by file.
 *
 * <p>Build with {@link #builder()}. Instances are immutable and thread-safe.
 */
public final class FileSystemOriginStore extends PointerOriginStore {

    private static final String CURRENT = "CURRENT";
    private static final String STAGING_PREFIX = ".staging-";
    private static final String TRASH_PREFIX = ".trash-";
    private static final String TEMP_PREFIX = ".tmp-";
    private static final String LOCKS = ".locks";
    private static final int MAX_POINTER_BYTES = 64 * 1024;
    private static final int COPY_BUFFER = 256 * 1024;

    private final Path root;
    /** In-JVM writer locks, shared by every instance so two stores on one root also exclude each other. */
    private static final ReentrantLock[] STRIPES = new ReentrantLock[256];

    static {
        Arrays.setAll(STRIPES, i -> new ReentrantLock());
    }

    private FileSystemOriginStore(Builder builder) {
        super(builder.retention, builder.clock);
        this.root =
                Objects.requireNonNull(builder.root, "root").toAbsolutePath().normalize();
    }

    /** A builder; {@link Builder#root(Path)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The directory that holds every title. It is created by the first publish. */
    public Path root() {
        return root;
    }

    /** Nothing to release: the store holds no open resources between calls. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "FileSystemOriginStore[" + root + "]";
    }

    @Override
    Optional<Pointer> readPointer(String titleId) throws IOException {
        Path file = titleDir(titleId).resolve(CURRENT);
        byte[] bytes;
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            if (channel.size() > MAX_POINTER_BYTES) {
                throw new IOException("Origin pointer " + file + " is larger than " + MAX_POINTER_BYTES + " bytes");
            }
            bytes = Channels.newInputStream(channel).readAllBytes();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(Pointer.parse(new String(bytes, StandardCharsets.UTF_8), titleId));
    }

    /** Writes a synced temporary file, moves it over {@code CURRENT} atomically and syncs the title directory. */
    @Override
    void writePointer(String titleId, Pointer pointer) throws IOException {
        Path titleDir = titleDir(titleId);
        Path temp = titleDir.resolve("." + CURRENT + TEMP_PREFIX + UUID.randomUUID());
        writeDurably(temp, pointer.toJson().getBytes(StandardCharsets.UTF_8));
        Files.move(temp, titleDir.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(titleDir);
    }

    @Override
    void deletePointer(String titleId) throws IOException {
        Path titleDir = titleDir(titleId);
        if (Files.isDirectory(titleDir, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(titleDir.resolve(CURRENT))) {
            fsyncDirectory(titleDir);
        }
    }

    /** Renames the title directory to a hidden name in one step, then deletes that. */
    @Override
    void deleteTitle(String titleId) throws IOException {
        Path titleDir = titleDir(titleId);
        if (!Files.isDirectory(titleDir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path trash = root.resolve(TRASH_PREFIX + titleId + "-" + UUID.randomUUID());
        Files.move(titleDir, trash, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(root);
        deleteTree(trash);
    }

    @Override
    TitlePage listTitles(@Nullable String after, int limit) throws IOException {
        if (!Files.isDirectory(root)) {
            return new TitlePage(List.of(), null);
        }
        String start = after == null ? "" : after + "/";
        List<String> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (isTitleId(name)
                        && (name + "/").compareTo(start) > 0
                        && Files.isRegularFile(entry.resolve(CURRENT), LinkOption.NOFOLLOW_LINKS)) {
                    candidates.add(name);
                }
            }
        }
        candidates.sort((a, b) -> (a + "/").compareTo(b + "/"));
        if (candidates.size() <= limit) {
            return new TitlePage(candidates, null);
        }
        List<String> page = candidates.subList(0, limit);
        return new TitlePage(page, page.getLast());
    }

    /** The {@code v-} directories (complete) and {@code .staging-v-} directories (not) of the title. */
    @Override
    List<StoredVersion> storedVersions(String titleId) throws IOException {
        Path titleDir = titleDir(titleId);
        if (!Files.isDirectory(titleDir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<StoredVersion> versions = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(titleDir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                boolean staging = name.startsWith(STAGING_PREFIX);
                String version = staging ? name.substring(STAGING_PREFIX.length()) : name;
                if (VersionIds.isValid(version)) {
                    versions.add(new StoredVersion(version, !staging));
                }
            }
        }
        return versions;
    }

    /**
     * A version directory or staging directory this content can reuse, if young enough; complete
     * ones first, then the newest. Reusing a retained version is safe: garbage collection takes
     * the same lock.
     */
    @Override
    Optional<String> resumable(String titleId, Optional<Pointer> pointer, String digest) throws IOException {
        Instant now = clock().instant();
        Duration window = retention().abandonedAfter().dividedBy(2);
        @Nullable String best = null;
        boolean bestComplete = false;
        for (StoredVersion stored : storedVersions(titleId)) {
            String version = stored.version();
            if (!VersionIds.hasDigest(version, digest)
                    || VersionIds.createdAt(version).plus(window).isBefore(now)) {
                continue;
            }
            boolean complete = stored.complete();
            boolean better = best == null
                    || (complete && !bestComplete)
                    || (complete == bestComplete && version.compareTo(best) > 0);
            if (better) {
                best = version;
                bestComplete = complete;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Copies every file into {@code .staging-<version>} (skipping those an interrupted attempt
     * already stored), syncs the tree and renames it to {@code <version>} in one step. A complete
     * version directory is reused as it is.
     */
    @Override
    void storeVersion(String titleId, String version, boolean resuming, LocalTree tree, ProgressTracker progress)
            throws IOException {
        Path titleDir = titleDir(titleId);
        if (!Files.isDirectory(titleDir)) {
            Files.createDirectories(titleDir);
            fsyncDirectory(root);
        }
        Path versionDir = titleDir.resolve(version);
        if (Files.isDirectory(versionDir, LinkOption.NOFOLLOW_LINKS)) {
            for (LocalFile file : tree.files()) {
                progress.stored(file.path(), file.size(), true);
            }
            return;
        }
        Path staging = titleDir.resolve(STAGING_PREFIX + version);
        Files.createDirectories(staging);
        for (LocalFile file : tree.files()) {
            Path target = resolveInside(staging, file.path());
            boolean reused =
                    Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == file.size();
            if (!reused) {
                copyVerified(file, target);
            }
            progress.stored(file.path(), file.size(), reused);
        }
        sealTree(staging);
        Files.move(staging, versionDir, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(titleDir);
    }

    @Override
    void deleteVersion(String titleId, StoredVersion version) throws IOException {
        Path titleDir = titleDir(titleId);
        discard(
                titleDir,
                titleDir.resolve(version.complete() ? version.version() : STAGING_PREFIX + version.version()));
    }

    /**
     * Removes leftovers of an interrupted deletion or pointer write, syncs the title directory, and
     * removes it if the title is empty.
     */
    @Override
    void afterGarbageCollection(String titleId, boolean titleEmpty) throws IOException {
        Path titleDir = titleDir(titleId);
        if (!Files.isDirectory(titleDir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(titleDir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(TRASH_PREFIX) || name.startsWith("." + CURRENT + TEMP_PREFIX)) {
                    leftovers.add(entry);
                }
            }
        }
        for (Path entry : leftovers) {
            discard(titleDir, entry);
        }
        fsyncDirectory(titleDir);
        if (titleEmpty) {
            deleteEmptyTitleDir(titleDir);
        }
    }

    /** Deletes an entry of the title directory, first renaming it so that it vanishes for readers at once. */
    private static void discard(Path titleDir, Path entry) throws IOException {
        Path trash = entry;
        if (!entry.getFileName().toString().startsWith(TRASH_PREFIX)) {
            trash = titleDir.resolve(TRASH_PREFIX + entry.getFileName() + "-" + UUID.randomUUID());
            Files.move(entry, trash, StandardCopyOption.ATOMIC_MOVE);
        }
        deleteTree(trash);
    }

    @Override
    Optional<OriginObject> resolve(String titleId, String version, String relativePath) throws IOException {
        Path file = resolveInside(titleDir(titleId).resolve(version), relativePath);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(new FileObject(
                titleId,
                version,
                relativePath,
                attributes.size(),
                etag(version, relativePath, attributes.size()),
                attributes.lastModifiedTime().toInstant(),
                file));
    }

    /**
     * Walks the version directory without following symbolic links; only regular files with valid
     * object names are listed (temporary files of a copy have hidden names and are skipped).
     */
    @Override
    List<OriginObjectInfo> listVersion(String titleId, String version) throws IOException {
        Path versionDir = titleDir(titleId).resolve(version);
        if (!Files.isDirectory(versionDir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<OriginObjectInfo> objects = new ArrayList<>();
        Files.walkFileTree(versionDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    String path = versionDir.relativize(file).toString().replace('\\', '/');
                    if (isObjectPath(path)) {
                        objects.add(new OriginObjectInfo(path, attrs.size()));
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return objects;
    }

    private static String etag(String version, String path, long size) {
        MessageDigest digest = LocalTree.newSha256();
        digest.update((version + "\n" + path + "\n" + size).getBytes(StandardCharsets.UTF_8));
        return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
    }

    private Path titleDir(String titleId) {
        return resolveInside(root, titleId);
    }

    /**
     * Resolves a validated name below {@code base}, refusing (as a programming error) anything that
     * would land outside it. Pure path arithmetic: the filesystem is not consulted.
     */
    private static Path resolveInside(Path base, String relative) {
        Path resolved = base.resolve(relative).normalize();
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw new IllegalArgumentException("Path escapes the origin root: " + relative);
        }
        return resolved;
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Copies one file under a temporary name, checks its hash, syncs it and renames it into place. */
    private static void copyVerified(LocalFile source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(TEMP_PREFIX + UUID.randomUUID());
        MessageDigest digest = LocalTree.newSha256();
        long copied = 0;
        try (InputStream in = Files.newInputStream(source.file());
                FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[COPY_BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                copied += n;
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (copied != source.size()
                || !HexFormat.of().formatHex(digest.digest()).equals(source.sha256())) {
            Files.deleteIfExists(temp);
            throw new IOException("File changed while it was being published: " + source.file());
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes temporary leftovers of an interrupted copy and syncs every directory of a staging tree. */
    private static void sealTree(Path staging) throws IOException {
        Files.walkFileTree(staging, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.getFileName().toString().startsWith(TEMP_PREFIX)) {
                    Files.delete(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                fsyncDirectory(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, @Nullable IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteEmptyTitleDir(Path titleDir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(titleDir)) {
            if (entries.iterator().hasNext()) {
                return;
            }
        }
        Files.delete(titleDir);
    }

    @Override
    TitleLock lock(String titleId) throws IOException {
        Path lockFile = root.resolve(LOCKS).resolve(titleId + ".lock");
        ReentrantLock local = STRIPES[Math.floorMod(lockFile.hashCode(), STRIPES.length)];
        local.lock();
        try {
            Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                channel.lock();
                return new HeldLock(local, channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    /** Holds a title's in-JVM and OS locks; the OS lock is released when its channel closes. */
    private record HeldLock(ReentrantLock local, FileChannel channel) implements TitleLock {
        @Override
        public void close() throws IOException {
            try {
                channel.close();
            } finally {
                local.unlock();
            }
        }
    }

    /** An object of a version directory. */
    private record FileObject(
            String titleId, String version, String path, long size, String etag, Instant lastModified, Path file)
            implements VersionObject {

        @Override
        public InputStream openStream() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public InputStream openStream(long offset, long length) throws IOException {
            BoundedInputStream.checkRange(size, offset, length);
            SeekableByteChannel channel = Files.newByteChannel(file);
            try {
                channel.position(offset);
                return new BoundedInputStream(Channels.newInputStream(channel), length);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        @Override
        public Optional<Path> localFile() {
            return Optional.of(file);
        }
    }

    /** Builds a {@link FileSystemOriginStore}. */
    public static final class Builder {

        private @Nullable Path root;
        private RetentionPolicy retention = RetentionPolicy.DEFAULT;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The directory holding every title (required). It need not exist yet. */
        public Builder root(Path root) {
            this.root = Objects.requireNonNull(root, "root");
            return this;
        }

        /** What garbage collection keeps; {@link RetentionPolicy#DEFAULT} unless set. */
        public Builder retention(RetentionPolicy retention) {
            this.retention = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /** The clock for version ids, publication times and ages; the system UTC clock unless set. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the store.
         *
         * @throws NullPointerException if no root was set
         * @throws IllegalArgumentException if the root exists but is not a directory
         */
        public FileSystemOriginStore build() {
            Objects.requireNonNull(root, "root is required");
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new IllegalArgumentException("Origin root is not a directory: " + root);
            }
            return new FileSystemOriginStore(this);
        }
    }
}
