package dev.reel.launcher.studio;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An encoding job as the encoder reports it ({@code GET /api/v1/studio/jobs/{id}} and the {@code job} events).
 *
 * @param id the job id
 * @param state {@code QUEUED}, {@code ANALYSING}, {@code ENCODING}, {@code PACKAGING}, {@code PUBLISHING},
 *     {@code DONE} or {@code FAILED}
 * @param stage more about the state, if the document says: its {@code stage}, else the {@code failedStage} of a failed
 *     job, else the progress of the job's tasks ({@code 12/40 tasks})
 * @param percent overall progress, 0 to 100
 * @param etaSeconds estimated seconds left, if known
 * @param failureReason why the job failed, for {@code FAILED}
 */
public record Job(
        UUID id,
        String state,
        @Nullable String stage,
        double percent,
        @Nullable Long etaSeconds,
        @Nullable String failureReason) {

    /** The final state of a job that succeeded. */
    public static final String DONE = "DONE";

    /** The final state of a job that failed. */
    public static final String FAILED = "FAILED";

    /**
     * Reads a job document.
     *
     * @throws StudioException if it has no id or state
     */
    public static Job from(JsonNode json) {
        @Nullable UUID id = Json.uuid(json, "id");
        @Nullable String state = Json.text(json, "state");
        if (id == null || state == null) {
            throw new StudioException("Reel answered with a job document without an id or state: " + json);
        }
        @Nullable Double percent = Json.doubleValue(json, "percent");
        String upperState = state.toUpperCase(Locale.ROOT);
        @Nullable String stage = Json.text(json, "stage");
        if (stage == null && FAILED.equals(upperState)) {
            stage = Json.text(json, "failedStage");
        }
        @Nullable Long tasks = Json.longValue(json.path("tasks"), "total");
        @Nullable Long done = Json.longValue(json.path("tasks"), "done");
        if (stage == null && tasks != null && done != null && tasks > 0 && !DONE.equals(upperState)) {
            stage = done + "/" + tasks + " tasks";
        }
        return new Job(
                id,
                upperState,
                stage,
                percent != null ? Math.max(0, Math.min(100, percent)) : 0,
                Json.longValue(json, "etaSeconds"),
                Json.text(json, "failureReason"));
    }

    /** Whether the job has ended ({@link #DONE} or {@link #FAILED}). */
    public boolean isFinished() {
        return isDone() || isFailed();
    }

    /** Whether the job ended successfully. */
    public boolean isDone() {
        return DONE.equals(state);
    }

    /** Whether the job failed. */
    public boolean isFailed() {
        return FAILED.equals(state);
    }
}
