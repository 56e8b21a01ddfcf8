package dev.reel.encoder.job;

import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * What an accepted upload asks the encoder to do.
 *
 * @param titleId the catalog title the media belongs to (checked to exist by the caller)
 * @param uploadId the upload the master came from, for tracing back
 * @param master the probed, complete master file; the job owns it from now on
 * @param ladder per-title or the fixed ladder
 * @param profile how hard to work: {@link EncodingProfile#STANDARD} for real content, {@link EncodingProfile#FAST}
 *     for demo and test clips
 * @param requestedBy the admin account that uploaded the master
 */
public record JobRequest(
        UUID titleId, UUID uploadId, Path master, LadderMode ladder, EncodingProfile profile, UUID requestedBy) {

    public JobRequest {
        Objects.requireNonNull(titleId, "titleId");
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }

    /** Which ladder the job encodes. */
    public enum LadderMode {
        /** Rungs chosen from the title's own rate-quality hull. */
        PER_TITLE,
        /** The classic one-size ladder, for comparison. */
        FIXED
    }

    /** Presets and trial density. */
    public enum EncodingProfile {
        /** Production presets and the full trial grid. */
        STANDARD,
        /** Fast presets and a sparse trial grid, for short demo and test clips. */
        FAST
    }
}
