package dev.reel.origin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one way Reel writes and reads published media. The encoder publishes a title's packaged
 * output (manifests, CMAF segments, subtitles, trickplay) as a new immutable <em>version</em>; the
 * edge appliances and playback read objects of the <em>current</em> version, or of a version they
 * pinned earlier.
 *
 * <h2>Consistency</h2>
 *
 * <ul>
 *   <li><b>Versions are immutable.</b> Once a version is visible its objects never change; a new
 *       publish always writes a new version. An object's bytes, size and ETag are therefore fixed
 *       for as long as the version is retained, and may be cached forever under a versioned URL.
 *   <li><b>Publishing is atomic for readers.</b> A version becomes visible only when a single
 *       pointer per title is switched, and only after every object of the version is durably
 *       stored. A reader resolving through the pointer sees the previous complete version or the
 *       new complete version, never a mix or a partial upload. A failed or interrupted publish
 *       leaves the current version as it was.
 *   <li><b>Reading several objects consistently needs a pinned version.</b> {@link #open(String,
 *       String)} resolves the pointer on every call, so a manifest read before a switch and a
 *       segment read after it come from different versions. Readers that need several objects of
 *       one version (a player following a manifest) take {@link OriginObject#version()} or {@link
 *       Publication#version()} once and then use {@link #open(String, String, String)}; the
 *       retention policy keeps superseded versions readable for them.
 *   <li><b>Writers of one title should be serialised.</b> Concurrent publishes of the same title
 *       never corrupt it (each switch points at a complete version), but the last switch wins.
 *       The filesystem store serialises them itself; the S3 store relies on the caller (the
 *       encoder publishes a title from one job at a time).
 * </ul>
 *
 * <h2>Names</h2>
 *
 * Every title id and path is checked by {@link OriginPaths} before anything is read or written;
 * invalid names raise {@link IllegalArgumentException}. Nothing outside the store's root or
 * prefix is ever resolved.
 *
 * <h2>Errors</h2>
 *
 * Methods throw {@link IOException} for storage failures (disk, network, a corrupt pointer).
 * Absence is not an error: it is an empty {@link Optional}. Implementations are thread-safe.
 */
public interface OriginStore extends AutoCloseable {

    /** Like {@link #publish(String, Path, PublishListener)} without progress reports. */
    default Publication publish(String titleId, Path localDirectory) throws IOException {
        return publish(titleId, localDirectory, PublishListener.NONE);
    }

    /**
     * Uploads every regular file under {@code localDirectory} as a new version of the title and
     * then makes that version current. Object paths are the files' paths relative to the
     * directory, with {@code '/'} separators; each must satisfy {@link
     * OriginPaths#requireRelativePath(String)}.
     *
     * <p>Steps: (1) scan the directory and hash every file (SHA-256) into the version's digest;
     * (2) if the current version has the same digest, return it unchanged: publishing is
     * idempotent; (3) upload into a version that is not yet visible, resuming an earlier
     * interrupted upload of the same digest if one exists and is younger than half of {@link
     * RetentionPolicy#abandonedAfter()}, verifying every file's bytes against its hash; (4) check
     * that the whole version is stored; (5) switch the pointer in one atomic write.
     *
     * <p>If this method throws, the current version (if any) is untouched and nothing of the new
     * one is visible. Calling it again with the same directory resumes and completes the publish.
     * The directory must not change while it runs; a file that changes is detected by its hash
     * and fails the publish.
     *
     * @param titleId the title, see {@link OriginPaths#requireTitleId(String)}
     * @param localDirectory an existing directory with at least one regular file; symbolic links
     *     and other special files are rejected
     * @param listener told after each object is stored; throwing from it aborts the publish
     * @return the version that is now current
     * @throws IllegalArgumentException for an invalid title id, a directory that does not exist or
     *     holds no files, a file whose relative path is invalid, or a special file
     * @throws IOException if reading the directory or writing the store fails
     */
    Publication publish(String titleId, Path localDirectory, PublishListener listener) throws IOException;

    /**
     * Resolves an object of the title's current version.
     *
     * @return the object, or empty if the title has no current version or the version has no such
     *     object
     * @throws IllegalArgumentException if the title id or path is invalid
     * @throws IOException if the store cannot be read or the title's pointer is corrupt
     */
    Optional<OriginObject> open(String titleId, String relativePath) throws IOException;

    /**
     * Resolves an object of a specific version, current or retained. This is how a reader that
     * started on one version finishes on it after a newer one was published.
     *
     * @param version a version id as returned in {@link Publication#version()} or {@link
     *     OriginObject#version()}
     * @return the object, or empty if that version (no longer) holds it. A version that was never
     *     made current is never visible here.
     * @throws IllegalArgumentException if the title id or path is invalid, or {@code version} is
     *     not a well-formed version id
     * @throws IOException if the store cannot be read
     */
    Optional<OriginObject> open(String titleId, String version, String relativePath) throws IOException;

    /**
     * Every object of a version, sorted by path (the byte order of the path strings). This is how
     * an edge fills a whole title version ahead of demand. Only objects {@link #open(String,
     * String, String)} would serve are listed: names that are not valid origin paths, and leftovers
     * of an upload, are skipped.
     *
     * @param version a version id as returned in {@link Publication#version()}
     * @return the objects, or an empty list if the title has no such published version (current or
     *     retained); a version that was never made current is never listed
     * @throws IllegalArgumentException if the title id is invalid or {@code version} is not a
     *     well-formed version id
     * @throws IOException if the store cannot be listed
     */
    List<OriginObjectInfo> objects(String titleId, String version) throws IOException;

    /**
     * The title's current version.
     *
     * @return the publication, or empty if the title is not published
     * @throws IllegalArgumentException if the title id is invalid
     * @throws IOException if the store cannot be read or the pointer is corrupt
     */
    Optional<Publication> current(String titleId) throws IOException;

    /**
     * One page of the titles that have a current version, in a stable order (the byte order of
     * {@code titleId + "/"}, which is the order S3 lists keys in). Titles whose only data is an
     * abandoned upload are not listed.
     *
     * @param after the {@link TitlePage#nextCursor()} of the previous page, or null for the first
     * @param limit the page size, 1 to 1000
     * @throws IllegalArgumentException if {@code after} is not a title id or the limit is out of
     *     range
     * @throws IOException if the store cannot be listed
     */
    TitlePage titles(@Nullable String after, int limit) throws IOException;

    /**
     * Every title that has a current version, by walking all pages of {@link #titles(String,
     * int)}. Meant for small catalogs, tools and tests.
     *
     * @throws IOException if the store cannot be listed
     */
    default List<String> titles() throws IOException {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            TitlePage page = titles(cursor, 1000);
            all.addAll(page.titleIds());
            cursor = page.nextCursor();
        } while (cursor != null);
        return List.copyOf(all);
    }

    /**
     * Takes the title out of the origin. The pointer is removed first, in one atomic step, so new
     * readers immediately see the title as absent; then every version, including retained and
     * abandoned ones, is deleted. Readers pinned to a version may fail part-way. Unpublishing a
     * title that is not published only removes leftovers and is not an error.
     *
     * @throws IllegalArgumentException if the title id is invalid
     * @throws IOException if the store cannot be written; the title may then be absent but not yet
     *     fully deleted, and calling again finishes the job
     */
    void unpublish(String titleId) throws IOException;

    /**
     * Removes the title's versions that the store's {@link RetentionPolicy} no longer keeps:
     * superseded versions beyond the {@link RetentionPolicy#keepPrevious()} most recent ones, and
     * versions that never became current once they are older than {@link
     * RetentionPolicy#abandonedAfter()}. The current version is never removed. Readers pinned to a
     * removed version get empty results or {@link IOException}s from then on.
     *
     * <p>Nothing runs this automatically: the publisher (the encoder) calls it after a publish,
     * and operators may call it for every title.
     *
     * @throws IllegalArgumentException if the title id is invalid
     * @throws IOException if the store cannot be listed or written
     */
    GarbageCollection collectGarbage(String titleId) throws IOException;

    /** The retention policy {@link #collectGarbage(String)} applies. */
    RetentionPolicy retention();

    /**
     * Releases resources the store owns (an S3 client it created). Objects and streams obtained
     * earlier must not be used afterwards.
     */
    @Override
    void close();
}
