package dev.reel.encoder.upload.internal;

import dev.reel.encoder.job.JobRequest;
import dev.reel.encoder.upload.Upload;
import dev.reel.encoder.upload.UploadState;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of the {@code uploads} table. */
record UploadRow(
        UUID id,
        UUID titleId,
        String filename,
        long length,
        long received,
        UploadState state,
        JobRequest.LadderMode ladder,
        JobRequest.EncodingProfile profile,
        UUID requestedBy,
        @Nullable UUID jobId,
        @Nullable String masterPath,
        @Nullable String rejection,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt) {

    /** Whether every declared byte has arrived. */
    boolean allReceived() {
        return received == length;
    }

    Upload toUpload() {
        return new Upload(
                id, titleId, filename, length, received, state, ladder, profile, jobId, rejection, createdAt, updatedAt,
                expiresAt);
    }
}
