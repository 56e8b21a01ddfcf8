package dev.reel.encoder.job;

import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the studio can see and do with jobs. Implementations read the database, so every instance sees every job. */
public interface StudioJobs {

    /** The job, or empty when there is none with this id. */
    Optional<JobView> find(UUID id);

    /** Jobs newest first, optionally only one title's and/or in one state. */
    Page<JobSummary> list(@Nullable UUID titleId, @Nullable JobState state, PageRequest page);

    /**
     * Resumes a failed job from the stage that failed: that stage's failed tasks are queued again with fresh attempts,
     * and everything finished before stays finished.
     *
     * @throws dev.reel.kit.web.ProblemException 404 for an unknown job, 409 when the job is not failed
     */
    JobView retry(UUID id);
}
