package dev.reel.launcher.studio;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An upload as the encoder reports it.
 *
 * @param id the upload id
 * @param offset how many bytes the encoder has
 * @param length the declared length, or -1 if the document does not say
 * @param state e.g. {@code RECEIVING} or {@code COMPLETE}; empty if the document does not say
 * @param jobId the encoding job started for the complete master, if any yet
 */
public record Upload(
        UUID id,
        long offset,
        long length,
        String state,
        @Nullable UUID jobId) {

    /**
     * Reads an upload document.
     *
     * @throws StudioException if it has no id
     */
    public static Upload from(JsonNode json) {
        @Nullable UUID id = Json.uuid(json, "id");
        if (id == null) {
            throw new StudioException("Reel answered with an upload document without an id: " + json);
        }
        @Nullable Long offset = Json.longValue(json, "offset");
        @Nullable Long length = Json.longValue(json, "length");
        @Nullable String state = Json.text(json, "state");
        return new Upload(
                id,
                offset != null ? offset : 0,
                length != null ? length : -1,
                state != null ? state : "",
                Json.uuid(json, "jobId"));
    }

    /** Whether the master is complete and handed to a job. */
    public boolean isComplete() {
        return jobId != null || "COMPLETE".equalsIgnoreCase(state);
    }
}
