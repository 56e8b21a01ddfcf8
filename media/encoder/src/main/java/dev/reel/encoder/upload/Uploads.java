package dev.reel.encoder.upload;

import dev.reel.kit.web.ProblemException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Resumable uploads of studio masters. Every failure is a {@link ProblemException} fit to return to the caller as
 * is. Implementations are thread-safe, and safe with several encoder instances sharing the database and work
 * directory.
 */
public interface Uploads {

    /**
     * Starts an upload after checking everything that can be checked before a byte arrives: the filename, the length
     * against the size limit, and (asking the catalog with the caller's token) that the title exists. Nothing is
     * written when a check fails.
     *
     * @param requestedBy the admin account uploading, recorded as the job's requester
     * @throws ProblemException 400 for a missing title id, a bad filename or a length that is not positive, 413 for a
     *     length over the limit, 404 when the catalog has no such title, 503 (with {@code Retry-After}) when the
     *     catalog cannot answer
     */
    Upload create(NewUpload request, UUID requestedBy);

    /**
     * The upload with this id.
     *
     * @throws ProblemException 404 when there is none
     */
    Upload get(UUID id);

    /**
     * Appends one chunk at {@code offset}, which must equal the upload's current offset. The bytes are forced to
     * disk before the new offset is recorded; when the body ends early (the client dropped the connection) the bytes
     * that did arrive are kept and their offset recorded, so the client resumes from the offset {@link #get} reports.
     * Only one chunk of an upload is written at a time.
     *
     * <p>The chunk that brings the offset to the length triggers the check of the master: a usable video becomes
     * {@link UploadState#COMPLETE} with a job, anything else {@link UploadState#REJECTED} with its bytes deleted. A
     * {@code PATCH} on an upload that is already complete changes nothing and returns it, so a client may safely
     * repeat its last chunk; an empty chunk at {@code offset == length} retries a check that was interrupted.
     *
     * @param contentLength the body's declared length, or {@code -1} when it is sent chunked
     * @return the upload after this chunk
     * @throws ProblemException 404 unknown upload; 409 when {@code offset} is not the current offset or another chunk
     *     of this upload is being written (with the current {@code offset} as a problem member); 413 for a chunk over
     *     the chunk limit; 400 for a chunk that would pass the declared length or a body that ended early; 422 when
     *     the completed file is not a usable video master (or the upload was rejected before); 503 when the master
     *     could not be checked because ffprobe could not run
     */
    Upload receive(UUID id, long offset, long contentLength, InputStream body);

    /**
     * Abandons an upload that is not complete: deletes it and its bytes.
     *
     * @throws ProblemException 404 unknown upload; 409 when it is complete (its master belongs to a job) or a chunk is
     *     being written
     */
    void abandon(UUID id);
}
