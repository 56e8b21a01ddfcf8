package dev.reel.launcher.studio;

import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The studio endpoints of the encoder, through the gateway: the resumable upload protocol and jobs.
 *
 * <ul>
 *   <li>{@code POST /api/v1/studio/uploads} {titleId, filename, length, ladder, profile} → 201, the upload;
 *   <li>{@code HEAD /api/v1/studio/uploads/{id}} → headers {@code Upload-Offset}, {@code Upload-Length};
 *   <li>{@code PATCH /api/v1/studio/uploads/{id}} ({@code application/offset+octet-stream}, header
 *       {@code Upload-Offset}) → 200, the upload (with its {@code jobId} once complete); 409 with an {@code offset}
 *       member if the offset is not the encoder's;
 *   <li>{@code GET /api/v1/studio/jobs/{id}} and {@code .../events} (SSE, event {@code job}).
 * </ul>
 */
public final class StudioClient {

    /** Path of the uploads collection. */
    public static final String UPLOADS = "/api/v1/studio/uploads";

    /** Path of the jobs collection. */
    public static final String JOBS = "/api/v1/studio/jobs";

    /** Media type of an upload chunk. */
    public static final String CHUNK_TYPE = "application/offset+octet-stream";

    /** Header carrying the offset of a chunk, and the encoder's offset in responses. */
    public static final String OFFSET_HEADER = "Upload-Offset";

    /**
     * How long a chunk may take until the response arrives. Generous: the final chunk's response waits for the probe
     * of the whole master (the gateway allows 10 minutes).
     */
    static final Duration CHUNK_TIMEOUT = Duration.ofMinutes(11);

    private final GatewayClient gateway;

    /** Creates the client over an authenticated gateway client. */
    public StudioClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** The underlying gateway client. */
    public GatewayClient gateway() {
        return gateway;
    }

    /**
     * Announces a master.
     *
     * @throws ApiProblemException e.g. 404/422 for a title that does not exist, 413 for a master over the limit
     */
    public Upload create(UploadRequest request) throws InterruptedException {
        GatewayClient.Response response = gateway.json("POST", UPLOADS, request);
        if (Json.uuid(response.json(), "id") == null) {
            @Nullable String location = response.header("Location").orElse(null);
            if (location != null) {
                return new Upload(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)), 0, -1, "", null);
            }
        }
        return Upload.from(response.json());
    }

    /**
     * The encoder's offset of an upload ({@code HEAD}).
     *
     * @throws ApiProblemException 404 if the encoder no longer knows the upload (expired, or rejected)
     */
    public long offset(UUID upload) throws InterruptedException {
        GatewayClient.Response response =
                gateway.send("HEAD", path(upload), Map.of(), BodyPublishers::noBody, GatewayClient.API_TIMEOUT);
        String offset = response.header(OFFSET_HEADER)
                .orElseThrow(
                        () -> new StudioException("Reel answered HEAD " + path(upload) + " without " + OFFSET_HEADER));
        try {
            return Long.parseLong(offset.strip());
        } catch (NumberFormatException e) {
            throw new StudioException("Reel answered with a malformed " + OFFSET_HEADER + ": " + offset);
        }
    }

    /** The upload document ({@code GET}). */
    public Upload get(UUID upload) throws InterruptedException {
        return Upload.from(gateway.json("GET", path(upload), null).json());
    }

    /**
     * Sends one chunk.
     *
     * @param offset where the chunk starts; must be the encoder's offset
     * @param body makes the chunk body (of a fixed length); called again if the request is resent after a new login
     * @return the upload after the chunk; its offset is the next chunk's
     * @throws ApiProblemException 409 (with the encoder's {@code offset}) on an offset mismatch, 422 if the complete
     *     master was rejected
     */
    public Upload patch(UUID upload, long offset, Supplier<BodyPublisher> body) throws InterruptedException {
        GatewayClient.Response response = gateway.send(
                "PATCH",
                path(upload),
                Map.of("Content-Type", CHUNK_TYPE, OFFSET_HEADER, Long.toString(offset)),
                body,
                CHUNK_TIMEOUT);
        if (Json.uuid(response.json(), "id") == null) {
            long next = response.header(OFFSET_HEADER)
                    .map(String::strip)
                    .map(Long::parseLong)
                    .orElse(offset);
            return new Upload(upload, next, -1, "", null);
        }
        Upload after = Upload.from(response.json());
        if (Json.longValue(response.json(), "offset") == null) {
            long next = response.header(OFFSET_HEADER)
                    .map(String::strip)
                    .map(Long::parseLong)
                    .orElse(offset);
            after = new Upload(after.id(), next, after.length(), after.state(), after.jobId());
        }
        return after;
    }

    /** The job document. */
    public Job job(UUID job) throws InterruptedException {
        return Job.from(gateway.json("GET", JOBS + "/" + job, null).json());
    }

    /**
     * Opens the job's event stream ({@code text/event-stream}); the caller closes it.
     *
     * @throws ApiProblemException if the stream cannot be opened (e.g. 404 for an unknown job)
     */
    public HttpResponse<Stream<String>> jobEvents(UUID job) throws InterruptedException {
        return gateway.stream(JOBS + "/" + job + "/events", "text/event-stream");
    }

    private static String path(UUID upload) {
        return UPLOADS + "/" + upload;
    }
}
