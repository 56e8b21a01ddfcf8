package dev.reel.origin;

import dev.reel.origin.internal.LocalTree;
import dev.reel.origin.internal.Pointer;
import dev.reel.origin.internal.ProgressTracker;
import dev.reel.origin.internal.VersionIds;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What every backend shares: argument checks, and the orchestration of publish, reads, unpublish
 * and garbage collection around a title's {@link Pointer}. A backend supplies the storage
 * primitives: read, write and delete the pointer, store, resolve, list and delete versions, list
 * titles, and (optionally) lock a title's writers.
 *
 * <p>The primitives receive names that are already validated ({@link OriginPaths}, {@link
 * VersionIds}), so a backend never sees an unchecked title id, version id or object path.
 */
abstract sealed class PointerOriginStore implements OriginStore permits FileSystemOriginStore, S3OriginStore {

    /** What {@link #lock(String)} returns for a backend that does not lock. */
    static final TitleLock NO_LOCK = () -> {};

    private final RetentionPolicy retention;
    private final Clock clock;

    PointerOriginStore(RetentionPolicy retention, Clock clock) {
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public final RetentionPolicy retention() {
        return retention;
    }

    /** The clock for version ids, publication times and ages. */
    final Clock clock() {
        return clock;
    }

    @Override
    public final Publication publish(String titleId, Path localDirectory, PublishListener listener) throws IOException {
        OriginPaths.requireTitleId(titleId);
        Objects.requireNonNull(localDirectory, "localDirectory");
        Objects.requireNonNull(listener, "listener");
        LocalTree tree = LocalTree.scan(localDirectory);
        TitleLock lock = lock(titleId);
        try {
            Optional<Pointer> pointer = readPointer(titleId);
            if (pointer.isPresent() && pointer.get().current().digest().equals(tree.digest())) {
                return pointer.get().current();
            }
            Optional<String> resumable = resumable(titleId, pointer, tree.digest());
            String version = resumable.orElseGet(() -> VersionIds.create(clock.instant(), tree.digest()));
            storeVersion(titleId, version, resumable.isPresent(), tree, new ProgressTracker(listener, tree));
            Publication publication = new Publication(
                    titleId, version, clock.instant(), tree.files().size(), tree.totalBytes(), tree.digest());
            Pointer next = pointer.map(p -> p.successor(publication)).orElseGet(() -> Pointer.first(publication));
            writePointer(titleId, next);
            return publication;
        } finally {
            lock.close();
        }
    }

    @Override
    public final Optional<OriginObject> open(String titleId, String relativePath) throws IOException {
        OriginPaths.requireTitleId(titleId);
        OriginPaths.requireRelativePath(relativePath);
        Optional<Pointer> pointer = readPointer(titleId);
        if (pointer.isEmpty()) {
            return Optional.empty();
        }
        return resolve(titleId, pointer.get().current().version(), relativePath);
    }

    @Override
    public final Optional<OriginObject> open(String titleId, String version, String relativePath) throws IOException {
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
    public final List<OriginObjectInfo> objects(String titleId, String version) throws IOException {
        OriginPaths.requireTitleId(titleId);
        VersionIds.require(version);
        Optional<Pointer> pointer = readPointer(titleId);
        if (pointer.isEmpty() || !isPublished(pointer.get(), version)) {
            return List.of();
        }
        List<OriginObjectInfo> objects = new ArrayList<>(listVersion(titleId, version));
        objects.sort(Comparator.comparing(OriginObjectInfo::path));
        return List.copyOf(objects);
    }

    @Override
    public final Optional<Publication> current(String titleId) throws IOException {
        OriginPaths.requireTitleId(titleId);
        return readPointer(titleId).map(Pointer::current);
    }

    @Override
    public final TitlePage titles(@Nullable String after, int limit) throws IOException {
        if (after != null) {
            OriginPaths.requireTitleId(after);
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
        }
        return listTitles(after, limit);
    }

    @Override
    public final void unpublish(String titleId) throws IOException {
        OriginPaths.requireTitleId(titleId);
        TitleLock lock = lock(titleId);
        try {
            deletePointer(titleId);
            deleteTitle(titleId);
        } finally {
            lock.close();
        }
    }

    @Override
    public final GarbageCollection collectGarbage(String titleId) throws IOException {
        OriginPaths.requireTitleId(titleId);
        TitleLock lock = lock(titleId);
        try {
            Optional<Pointer> pointer = readPointer(titleId);
            List<String> retained = new ArrayList<>();
            List<String> superseded = new ArrayList<>();
            pointer.ifPresent(p -> {
                retained.add(p.current().version());
                for (int i = 0; i < p.previous().size(); i++) {
                    String version = p.previous().get(i).version();
                    (i < retention.keepPrevious() ? retained : superseded).add(version);
                }
            });
            Instant now = clock.instant();
            List<String> deleted = new ArrayList<>();
            List<String> youngAbandoned = new ArrayList<>();
            for (StoredVersion stored : storedVersions(titleId)) {
                String version = stored.version();
                if (retained.contains(version)) {
                    continue;
                }
                boolean abandoned = !VersionIds.createdAt(version)
                        .plus(retention.abandonedAfter())
                        .isAfter(now);
                if ((stored.complete() && superseded.contains(version)) || abandoned) {
                    deleteVersion(titleId, stored);
                    deleted.add(version);
                } else {
                    youngAbandoned.add(version);
                }
            }
            afterGarbageCollection(titleId, pointer.isEmpty() && youngAbandoned.isEmpty());
            List<String> kept = new ArrayList<>(retained);
            kept.addAll(youngAbandoned.stream().sorted().toList());
            return new GarbageCollection(titleId, deleted.stream().sorted().toList(), kept);
        } finally {
            lock.close();
        }
    }

    /** Whether the pointer names {@code version}, as the current or a superseded version. */
    static boolean isPublished(Pointer pointer, String version) {
        return pointer.current().version().equals(version)
                || pointer.previous().stream().anyMatch(p -> p.version().equals(version));
    }

    /** Whether a stored relative name is a valid object path; for listings, which skip other names. */
    static boolean isObjectPath(String path) {
        try {
            OriginPaths.requireRelativePath(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a stored name is a well-formed title id; for listings, which skip other names. */
    static boolean isTitleId(String name) {
        try {
            OriginPaths.requireTitleId(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Takes the lock that serialises the title's writers (publish, unpublish, garbage collection),
     * or {@link #NO_LOCK} if the backend leaves that to the caller. Released once the operation
     * ends, whether it succeeded or not.
     */
    abstract TitleLock lock(String titleId) throws IOException;

    /**
     * The title's pointer.
     *
     * @return empty if the title has none
     * @throws IOException if it cannot be read, is too large, or is corrupt
     */
    abstract Optional<Pointer> readPointer(String titleId) throws IOException;

    /** Replaces the title's pointer in one atomic, durable write. */
    abstract void writePointer(String titleId, Pointer pointer) throws IOException;

    /** Removes the title's pointer in one atomic step, if it has one. */
    abstract void deletePointer(String titleId) throws IOException;

    /**
     * Resolves an object of a version without consulting the pointer.
     *
     * @return empty if the version has no such object
     */
    abstract Optional<OriginObject> resolve(String titleId, String version, String relativePath) throws IOException;

    /**
     * Every servable object stored under a version, in any order; names that {@link
     * OriginPaths#requireRelativePath(String)} rejects are skipped (see {@link #isObjectPath}).
     */
    abstract List<OriginObjectInfo> listVersion(String titleId, String version) throws IOException;

    /**
     * One page of published titles, for arguments {@link #titles(String, int)} already checked.
     */
    abstract TitlePage listTitles(@Nullable String after, int limit) throws IOException;

    /**
     * Every well-formed version the title holds data for, complete or not; empty if it has none.
     * A version may appear once complete and once as an interrupted upload.
     */
    abstract List<StoredVersion> storedVersions(String titleId) throws IOException;

    /**
     * A stored version an interrupted publish of content with this digest left behind and that
     * this publish may complete, or empty to start a new version.
     *
     * @param pointer the title's pointer as this publish read it
     */
    abstract Optional<String> resumable(String titleId, Optional<Pointer> pointer, String digest) throws IOException;

    /**
     * Stores every file of {@code tree} as {@code version}, invisible to readers, reporting each
     * object to {@code progress}, and returns only once the whole version is durably stored and
     * verified.
     *
     * @param resuming whether {@code version} came from {@link #resumable}, so objects may already
     *     be stored
     */
    abstract void storeVersion(
            String titleId, String version, boolean resuming, LocalTree tree, ProgressTracker progress)
            throws IOException;

    /** Deletes one stored version, as listed by {@link #storedVersions(String)}. */
    abstract void deleteVersion(String titleId, StoredVersion version) throws IOException;

    /** Deletes everything stored for a title whose pointer is already gone. */
    abstract void deleteTitle(String titleId) throws IOException;

    /**
     * Tidies up after garbage collection deleted what the policy no longer keeps; does nothing
     * unless overridden.
     *
     * @param titleEmpty whether the title is left with neither a pointer nor a version
     */
    void afterGarbageCollection(String titleId, boolean titleEmpty) throws IOException {}

    /**
     * A version as stored.
     *
     * @param version its id, well-formed
     * @param complete whether its upload finished; a backend that cannot tell says {@code true}
     */
    record StoredVersion(String version, boolean complete) {}

    /** An object of a stored version; its content type follows from its path, as {@link OriginObject} states. */
    interface VersionObject extends OriginObject {
        @Override
        default String contentType() {
            return ContentTypes.forPath(path());
        }
    }

    /** A held writer lock of one title. */
    @FunctionalInterface
    interface TitleLock extends AutoCloseable {
        @Override
        void close() throws IOException;
    }
}
