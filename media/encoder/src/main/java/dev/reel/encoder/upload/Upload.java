package dev.reel.encoder.upload;

import dev.reel.encoder.job.JobRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An upload as the studio API shows it.
 *
 * @param id the upload's id; its URL is {@code /api/v1/studio/uploads/{id}}
 * @param titleId the catalog title the master belongs to
 * @param filename the name the client gave the file (checked, never used as a path)
 * @param length the declared size in bytes
 * @param offset how many bytes have been received and forced to disk; the next {@code PATCH} must start here
 * @param state where the upload stands
 * @param ladder the ladder the job will encode
 * @param profile the encoding profile of the job
 * @param jobId the job created for the accepted master, or {@code null} until the upload is {@link
 *     UploadState#COMPLETE}
 * @param rejection why the master was not accepted, or {@code null} unless the upload is {@link
 *     UploadState#REJECTED}
 * @param createdAt when the upload was created
 * @param updatedAt when bytes last arrived or the state last changed
 * @param expiresAt when an upload still {@link UploadState#RECEIVING} is deleted with its bytes; every accepted
 *     {@code PATCH} pushes it back
 */
public record Upload(
        UUID id,
        UUID titleId,
        String filename,
        long length,
        long offset,
        UploadState state,
        JobRequest.LadderMode ladder,
        JobRequest.EncodingProfile profile,
        @Nullable UUID jobId,
        @Nullable String rejection,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt) {

    public Upload {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(titleId, "titleId");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
