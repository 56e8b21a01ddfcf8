package dev.reel.encoder.upload;

import dev.reel.encoder.job.JobRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/studio/uploads}. Every field is checked by {@link Uploads#create}, so that each
 * mistake gets its own clear problem.
 *
 * @param titleId the catalog title the master belongs to; required, and the title must exist
 * @param filename the file's name, without any directory; required
 * @param length the file's exact size in bytes; required, positive, at most the configured maximum
 * @param ladder the ladder to encode, {@link JobRequest.LadderMode#PER_TITLE} when absent
 * @param profile the encoding profile, {@link JobRequest.EncodingProfile#STANDARD} when absent
 */
public record NewUpload(
        @Nullable UUID titleId,
        @Nullable String filename,
        @Nullable Long length,
        JobRequest.@Nullable LadderMode ladder,
        JobRequest.@Nullable EncodingProfile profile) {}
