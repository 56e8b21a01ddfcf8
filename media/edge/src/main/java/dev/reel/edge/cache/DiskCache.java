package dev.reel.edge.cache;

import dev.reel.origin.OriginPaths;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The edge's disk cache: objects live at {@code <root>/<titleId>/<path>}, and an in-memory index
 * records each one's size and last access so that the total stays within a byte capacity.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>New objects come in only through {@link #admit}: the caller writes the bytes to a file
 *       from {@link #newTempFile} (same directory, hidden name), forces them to disk, and the
 *       cache evicts what its {@link EvictionPolicy} chooses and renames the file into place
 *       atomically. A reader therefore sees the whole object or none of it.
 *   <li>After an admission completes, {@link #usedBytes()} is at most {@link #capacityBytes()}.
 *       While a fill is being written its temporary file is on disk but not yet counted.
 *   <li>Evicted files are deleted. A response already being sent from one keeps its open file.
 *   <li>{@link #open} scans the root and rebuilds the index from the files found, ordered by
 *       modification time, so the cache survives restarts; leftover temporary files are deleted
 *       and names that are not valid origin names are ignored (not served, not counted).
 *   <li>{@link #touch} records a hit and is cheap enough for the event loop. Files put under the
 *       root by anything but this class after {@link #open} are not in the index.
 *   <li><b>Pinned titles</b> ({@link #pin}, from steering's fill plan) are never evicted: the cache
 *       hands the policy only the entries of other titles, so every {@link EvictionPolicy} honours
 *       pins without knowing about them. If pinned titles alone fill the capacity, admissions of
 *       other objects fail. {@link #dropTitle} deletes a title's objects on demand, pinned or not.
 * </ul>
 *
 * <p>Thread-safe: admissions and evictions are serialised; lookups and touches take no lock.
 */
public final class DiskCache {

    /** Prefix of the hidden temporary files that fills write before {@link #admit}. */
    static final String TEMP_PREFIX = ".fill-";

    private final Path root;
    private final long capacityBytes;
    private final EvictionPolicy policy;
    private final Map<String, CacheEntry> entries = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong usedBytes = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();
    private final Object admission = new Object();
    private volatile Set<String> pinned = Set.of();

    private DiskCache(Path root, long capacityBytes, EvictionPolicy policy) {
        this.root = root;
        this.capacityBytes = capacityBytes;
        this.policy = policy;
    }

    /**
     * Opens the cache over an existing directory and rebuilds its index. If the files found
     * exceed the capacity (it was lowered), the policy evicts down to it at once.
     *
     * @param capacityBytes the byte budget, {@code > 0}
     * @throws IllegalArgumentException if the capacity is not positive
     * @throws IOException if {@code root} is not a directory or cannot be scanned
     */
    public static DiskCache open(Path root, long capacityBytes, EvictionPolicy policy) throws IOException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(policy, "policy");
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("Capacity must be positive: " + capacityBytes);
        }
        Path normalized = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(normalized)) {
            throw new NoSuchFileException(normalized.toString(), null, "Cache root is not a directory");
        }
        DiskCache cache = new DiskCache(normalized, capacityBytes, policy);
        cache.rebuild();
        return cache;
    }

    /** The directory that holds the cached titles. */
    public Path root() {
        return root;
    }

    /** The byte budget. */
    public long capacityBytes() {
        return capacityBytes;
    }

    /** The sum of the indexed objects' sizes. */
    public long usedBytes() {
        return usedBytes.get();
    }

    /** How many objects were evicted since {@link #open}, including those evicted by it. */
    public long evictions() {
        return evictions.get();
    }

    /** The file an object lives in, whether or not it is cached. */
    public Path file(String titleId, String path) {
        return root.resolve(OriginPaths.requireTitleId(titleId)).resolve(OriginPaths.requireRelativePath(path));
    }

    /** Whether the object is in the index. */
    public boolean contains(String titleId, String path) {
        return entries.containsKey(CacheEntry.key(titleId, path));
    }

    /** A snapshot of the index, in no particular order. */
    public List<CacheEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** Records a hit on the object, making it the most recently used; a no-op if it is not indexed. */
    public void touch(String titleId, String path) {
        entries.computeIfPresent(
                CacheEntry.key(titleId, path), (key, entry) -> entry.accessed(clock.incrementAndGet()));
    }

    /**
     * Replaces the set of pinned titles: from now on their objects are never chosen for eviction.
     * Titles not cached yet may be pinned; their objects are protected once admitted.
     */
    public void pin(Collection<String> titleIds) {
        pinned = Set.copyOf(titleIds);
    }

    /** The titles currently exempt from eviction. */
    public Set<String> pinned() {
        return pinned;
    }

    /**
     * Deletes every cached object of a title and then its empty directories, whether it is pinned
     * or not. A fill of the title that is being written at the same time may still be admitted
     * afterwards.
     *
     * @return how many bytes were freed
     * @throws IllegalArgumentException if the title id is invalid
     * @throws IOException if a file cannot be deleted; the index keeps the objects still on disk
     */
    public long dropTitle(String titleId) throws IOException {
        OriginPaths.requireTitleId(titleId);
        long freed = 0;
        synchronized (admission) {
            for (CacheEntry entry : entries.values()) {
                if (entry.titleId().equals(titleId)) {
                    freed += entry.size();
                    remove(entry);
                }
            }
        }
        deleteEmptyDirectories(root.resolve(titleId));
        return freed;
    }

    private static void deleteEmptyDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult postVisitDirectory(Path d, @Nullable IOException failure) {
                try {
                    Files.deleteIfExists(d);
                } catch (IOException e) {
                    // Not empty: a file that is not indexed (a fill being written) stays.
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Creates an empty hidden temporary file in the object's directory (creating directories as
     * needed), for the caller to fill and pass to {@link #admit}. The caller deletes it if it
     * does not admit it.
     *
     * @throws IOException if the directory or file cannot be created
     */
    public Path newTempFile(String titleId, String path) throws IOException {
        Path target = file(titleId, path);
        Files.createDirectories(target.getParent());
        return Files.createTempFile(target.getParent(), TEMP_PREFIX, ".tmp");
    }

    /**
     * Moves a complete temporary file into the cache as the object, evicting others if needed.
     * The caller must have forced the file's content to disk. If the object is already cached,
     * the temporary file is deleted and the cached one kept.
     *
     * @param tempFile a file from {@link #newTempFile} for the same object
     * @throws IOException if the object is larger than the capacity, the policy frees too little,
     *     an evicted file cannot be deleted or the rename fails; the temporary file is deleted and
     *     the index stays consistent with the disk
     */
    public void admit(String titleId, String path, Path tempFile) throws IOException {
        Path target = file(titleId, path);
        if (!tempFile.getParent().equals(target.getParent())
                || !tempFile.getFileName().toString().startsWith(TEMP_PREFIX)) {
            throw new IllegalArgumentException("Not a temporary file of this object: " + tempFile);
        }
        try {
            long size = Files.size(tempFile);
            synchronized (admission) {
                String key = CacheEntry.key(titleId, path);
                if (entries.containsKey(key)) {
                    return;
                }
                if (size > capacityBytes) {
                    throw new IOException("Object of " + size + " bytes is larger than the cache capacity of "
                            + capacityBytes + " bytes: " + key);
                }
                makeRoom(size);
                Files.move(tempFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                forceDirectory(target.getParent());
                entries.put(key, new CacheEntry(titleId, path, size, clock.incrementAndGet()));
                usedBytes.addAndGet(size);
            }
        } finally {
            Files.deleteIfExists(tempFile);
        }
    }

    /** Evicts until {@code size} more bytes fit; the caller holds the admission lock. */
    private void makeRoom(long size) throws IOException {
        long toFree = usedBytes.get() + size - capacityBytes;
        if (toFree <= 0) {
            return;
        }
        Set<String> exempt = pinned;
        Collection<CacheEntry> candidates = exempt.isEmpty()
                ? entries.values()
                : entries.values().stream()
                        .filter(e -> !exempt.contains(e.titleId()))
                        .toList();
        for (CacheEntry victim : policy.victims(candidates, toFree)) {
            evict(victim);
        }
        if (usedBytes.get() + size > capacityBytes) {
            throw new IOException("Eviction policy " + policy + " freed too little room for " + size + " bytes");
        }
    }

    private void evict(CacheEntry victim) throws IOException {
        if (remove(victim)) {
            evictions.incrementAndGet();
        }
    }

    /** Removes an entry from the index and deletes its file; the caller holds the admission lock. */
    private boolean remove(CacheEntry entry) throws IOException {
        CacheEntry removed = entries.remove(entry.key());
        if (removed == null) {
            return false;
        }
        try {
            Files.deleteIfExists(file(removed.titleId(), removed.path()));
        } catch (IOException e) {
            entries.put(removed.key(), removed);
            throw e;
        }
        usedBytes.addAndGet(-removed.size());
        return true;
    }

    private void rebuild() throws IOException {
        record Found(String titleId, String path, long size, long modified) {}
        List<Found> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(root) || !dir.getFileName().toString().startsWith(".")
                        ? FileVisitResult.CONTINUE
                        : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (name.startsWith(TEMP_PREFIX)) {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }
                Path relative = root.relativize(file);
                if (!attrs.isRegularFile() || relative.getNameCount() < 2) {
                    return FileVisitResult.CONTINUE;
                }
                String titleId = relative.getName(0).toString();
                String path =
                        relative.subpath(1, relative.getNameCount()).toString().replace('\\', '/');
                try {
                    OriginPaths.requireTitleId(titleId);
                    OriginPaths.requireRelativePath(path);
                } catch (IllegalArgumentException e) {
                    return FileVisitResult.CONTINUE;
                }
                found.add(new Found(
                        titleId, path, attrs.size(), attrs.lastModifiedTime().toMillis()));
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparingLong(Found::modified).thenComparing(Found::path));
        for (Found f : found) {
            CacheEntry entry = new CacheEntry(f.titleId(), f.path(), f.size(), clock.incrementAndGet());
            entries.put(entry.key(), entry);
            usedBytes.addAndGet(f.size());
        }
        synchronized (admission) {
            makeRoom(0);
        }
    }

    /** Makes a rename durable by forcing the directory; best effort where directories cannot be opened. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open a directory; the rename itself is still atomic.
        }
    }
}
