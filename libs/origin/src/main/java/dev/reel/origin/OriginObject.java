package dev.reel.origin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One object of a published version, as resolved by {@link OriginStore#open}. The metadata is a
 * snapshot taken when the object was opened; because versions are immutable, the bytes behind it
 * never change, so the metadata stays true for as long as the version is retained.
 *
 * <p>Reading is lazy: {@link #openStream()} goes to the disk or the network each time it is
 * called. If the version has been garbage collected or unpublished meanwhile, it throws an {@link
 * IOException} (for S3 it may also fail part-way through a stream). Instances are immutable and
 * safe to share between threads; each returned stream belongs to its caller, who must close it.
 */
public interface OriginObject {

    /** The title the object belongs to. */
    String titleId();

    /** The version the object was resolved in. */
    String version();

    /** The object's path relative to the version. */
    String path();

    /** The size in bytes. */
    long size();

    /** The {@code Content-Type}, from {@link ContentTypes#forPath(String)}. */
    String contentType();

    /**
     * A strong entity tag in HTTP form, including the double quotes. Equal tags mean equal bytes;
     * the tag of an object never changes.
     */
    String etag();

    /** When the object was written to the origin. */
    Instant lastModified();

    /**
     * Opens the whole object.
     *
     * @throws IOException if it cannot be read, for example because its version has been removed
     */
    InputStream openStream() throws IOException;

    /**
     * Opens {@code length} bytes starting at {@code offset}: the backend reads only that range, so
     * this serves an HTTP {@code Range} request or a partial cache fill without transferring the
     * rest.
     *
     * @param offset first byte, {@code 0 <= offset <= size()}
     * @param length byte count, {@code 0 <= length <= size() - offset}; zero gives an empty stream
     * @throws IllegalArgumentException if the range is not within the object
     * @throws IOException if it cannot be read
     */
    InputStream openStream(long offset, long length) throws IOException;

    /**
     * The file that holds the bytes when the object lives on a local filesystem, so a co-located
     * server can send it with zero-copy {@code sendfile}. Empty for remote backends. The file is
     * read-only by contract; it disappears when its version is garbage collected.
     */
    default Optional<Path> localFile() {
        return Optional.empty();
    }
}
