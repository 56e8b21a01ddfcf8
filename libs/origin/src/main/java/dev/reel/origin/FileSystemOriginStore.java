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
public final class FileSystemOriginStore implements OriginStore {

    private static final String CURRENT = "CURRENT";
    private static final String STAGING_PREFIX = ".staging-";
    private static final String TRASH_PREFIX = ".trash-";
    private static final String TEMP_PREFIX = ".tmp-";
    private static final String LOCKS = ".locks";
    private static final int MAX_POINTER_BYTES = 64 * 1024;
    private static final int COPY_BUFFER = 256 * 1024;

    private final Path root;
    private final RetentionPolicy retention;
    private final Clock clock;
    /** In-JVM writer locks, shared by every instance so two stores on one root also exclude each other. */
    private static final ReentrantLock[] STRIPES = new ReentrantLock[256];

    static {
        Arrays.setAll(STRIPES, i -> new ReentrantLock());
    }

    private FileSystemOriginStore(Builder builder) {
        this.root =
                Objects.requireNonNull(builder.root, "root").toAbsolutePath().normalize();
        this.retention = builder.retention;
        this.clock = builder.clock;
    }

    /** A builder; {@link Builder#root(Path)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The directory that holds every title. It is created by the first publish. */
    public Path root() {
        return root;
    }

    @Override
    public RetentionPolicy retention() {
        return retention;
    }

    @Override
    public Publication publish(String titleId, Path localDirectory, PublishListener listener) throws IOException {
        OriginPaths.requireTitleId(titleId);
        Objects.requireNonNull(localDirectory, "localDirectory");
        Objects.requireNonNull(listener, "listener");
        LocalTree tree = LocalTree.scan(localDirectory);
        TitleLock lock = lock(titleId);
        try {
            Path titleDir = titleDir(titleId);
            Optional<Pointer> pointer = readPointer(titleId);
            if (pointer.isPresent() && pointer.get().current().digest().equals(tree.digest())) {
                return pointer.get().current();
            }
            if (!Files.isDirectory(titleDir)) {
                Files.createDirectories(titleDir);
                fsyncDirectory(root);
            }
            String version = resumable(titleDir, tree.digest())
                    .orElseGet(() -> VersionIds.create(clock.instant(), tree.digest()));
            ProgressTracker progress = new ProgressTracker(listener, tree);
            Path versionDir = titleDir.resolve(version);
            if (Files.isDirectory(versionDir, LinkOption.NOFOLLOW_LINKS)) {
                for (LocalFile file : tree.files()) {
                    progress.stored(file.path(), file.size(), true);
                }
            } else {
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
            Publication publication = new Publication(
                    titleId, version, clock.instant(), tree.files().size(), tree.totalBytes(), tree.digest());
            Pointer next = pointer.map(p -> p.successor(publication)).orElseGet(() -> Pointer.first(publication));
            writePointer(titleDir, next);
            return publication;
        } finally {
            lock.close();
        }
    }

    @Override
    public Optional<OriginObject> open(String titleId, String relativePath) throws IOException {
        OriginPaths.requireTitleId(titleId);
        OriginPaths.requireRelativePath(relativePath);
        Optional<Pointer> pointer = readPointer(titleId);
        if (pointer.isEmpty()) {
            return Optional.empty();
        }
        return resolve(titleId, pointer.get().current().version(), relativePath);
    }

    @Override
    public Optional<OriginObject> open(String titleId, String version, String relativePath) throws IOException {
        OriginPaths.requireTitleId(titleId);
        VersionIds.require(version);
        OriginPaths.requireRelativePath(relativePath);
        Optional<Pointer> pointer = readPointer(titleId);
        if (pointer.isEmpty() || !isPublished(pointer.get(), version)) {
            return Optional.empty();
        }
        return resolve(titleId, version, relativePath);
    }

    @Override
    public Optional<Publication> current(String titleId) throws IOException {
        OriginPaths.requireTitleId(titleId);
        return readPointer(titleId).map(Pointer::current);
    }

    @Override
    public TitlePage titles(@Nullable String after, int limit) throws IOException {
        if (after != null) {
            OriginPaths.requireTitleId(after);
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
        }
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

    @Override
    public void unpublish(String titleId) throws IOException {
        OriginPaths.requireTitleId(titleId);
        TitleLock lock = lock(titleId);
        try {
            Path titleDir = titleDir(titleId);
            if (!Files.isDirectory(titleDir, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            if (Files.deleteIfExists(titleDir.resolve(CURRENT))) {
                fsyncDirectory(titleDir);
            }
            Path trash = root.resolve(TRASH_PREFIX + titleId + "-" + UUID.randomUUID());
            Files.move(titleDir, trash, StandardCopyOption.ATOMIC_MOVE);
            fsyncDirectory(root);
            deleteTree(trash);
        } finally {
            lock.close();
        }
    }

    @Override
    public GarbageCollection collectGarbage(String titleId) throws IOException {
        OriginPaths.requireTitleId(titleId);
        TitleLock lock = lock(titleId);
        try {
            Path titleDir = titleDir(titleId);
            if (!Files.isDirectory(titleDir, LinkOption.NOFOLLOW_LINKS)) {
                return new GarbageCollection(titleId, List.of(), List.of());
            }
            Optional<Pointer> pointer = readPointer(titleId);
            List<String> retained = retainedVersions(pointer);
            List<String> superseded = pointer.map(p ->
                            p.previous().stream().map(Pointer.Previous::version).toList())
                    .orElse(List.of());
            Instant now = clock.instant();
            List<String> deleted = new ArrayList<>();
            List<String> youngAbandoned = new ArrayList<>();
            List<Path> doomed = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(titleDir)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    boolean staging = name.startsWith(STAGING_PREFIX);
                    String version = staging ? name.substring(STAGING_PREFIX.length()) : name;
                    if (name.startsWith(TRASH_PREFIX) || name.startsWith("." + CURRENT + TEMP_PREFIX)) {
                        doomed.add(entry); // leftovers of an interrupted deletion or pointer write
                    } else if (VersionIds.isValid(version) && !retained.contains(version)) {
                        if ((!staging && superseded.contains(version)) || isAbandoned(version, now)) {
                            doomed.add(entry);
                            deleted.add(version);
                        } else {
                            youngAbandoned.add(version);
                        }
                    }
                }
            }
            for (Path entry : doomed) {
                Path trash = entry;
                if (!entry.getFileName().toString().startsWith(TRASH_PREFIX)) {
                    // One rename takes the whole version away from pinned readers at once.
                    trash = titleDir.resolve(TRASH_PREFIX + entry.getFileName() + "-" + UUID.randomUUID());
                    Files.move(entry, trash, StandardCopyOption.ATOMIC_MOVE);
                }
                deleteTree(trash);
            }
            fsyncDirectory(titleDir);
            if (pointer.isEmpty() && youngAbandoned.isEmpty()) {
                deleteEmptyTitleDir(titleDir);
            }
            List<String> kept = new ArrayList<>(retained);
            kept.addAll(youngAbandoned.stream().sorted().toList());
            return new GarbageCollection(titleId, deleted.stream().sorted().toList(), kept);
        } finally {
            lock.close();
        }
    }

    /** Nothing to release: the store holds no open resources between calls. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "FileSystemOriginStore[" + root + "]";
    }

    private List<String> retainedVersions(Optional<Pointer> pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        List<String> retained = new ArrayList<>();
        retained.add(pointer.get().current().version());
        pointer.get().previous().stream()
                .limit(retention.keepPrevious())
                .map(Pointer.Previous::version)
                .forEach(retained::add);
        return retained;
    }

    private boolean isAbandoned(String version, Instant now) {
        return !VersionIds.createdAt(version).plus(retention.abandonedAfter()).isAfter(now);
    }

    /** A version directory or staging directory this content can reuse, if young enough. */
    private Optional<String> resumable(Path titleDir, String digest) throws IOException {
        Instant now = clock.instant();
        Duration window = retention.abandonedAfter().dividedBy(2);
        @Nullable String best = null;
        boolean bestComplete = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(titleDir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                boolean staging = name.startsWith(STAGING_PREFIX);
                String version = staging ? name.substring(STAGING_PREFIX.length()) : name;
                if (!VersionIds.isValid(version)
                        || !VersionIds.hasDigest(version, digest)
                        || VersionIds.createdAt(version).plus(window).isBefore(now)) {
                    continue;
                }
                boolean complete = !staging;
                boolean better = best == null
                        || (complete && !bestComplete)
                        || (complete == bestComplete && version.compareTo(best) > 0);
                if (better) {
                    best = version;
                    bestComplete = complete;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean isPublished(Pointer pointer, String version) {
        return pointer.current().version().equals(version)
                || pointer.previous().stream().anyMatch(p -> p.version().equals(version));
    }

    private Optional<OriginObject> resolve(String titleId, String version, String relativePath) throws IOException {
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

    private Optional<Pointer> readPointer(String titleId) throws IOException {
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

    private void writePointer(Path titleDir, Pointer pointer) throws IOException {
        Path temp = titleDir.resolve("." + CURRENT + TEMP_PREFIX + UUID.randomUUID());
        writeDurably(temp, pointer.toJson().getBytes(StandardCharsets.UTF_8));
        Files.move(temp, titleDir.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(titleDir);
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

    private static boolean isTitleId(String name) {
        try {
            OriginPaths.requireTitleId(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private TitleLock lock(String titleId) throws IOException {
        Path lockFile = root.resolve(LOCKS).resolve(titleId + ".lock");
        ReentrantLock local = STRIPES[Math.floorMod(lockFile.hashCode(), STRIPES.length)];
        local.lock();
        try {
            Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                channel.lock();
                return new TitleLock(local, channel);
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
    private record TitleLock(ReentrantLock local, FileChannel channel) implements AutoCloseable {
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
            implements OriginObject {

        @Override
        public String contentType() {
            return ContentTypes.forPath(path);
        }

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
