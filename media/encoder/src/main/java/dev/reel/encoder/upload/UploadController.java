package dev.reel.encoder.upload;

import dev.reel.kit.security.Callers;
import dev.reel.kit.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/studio/uploads}: the resumable upload protocol, admin only.
 *
 * <ol>
 *   <li>{@code POST} {@link NewUpload} → 201, {@code Location: /api/v1/studio/uploads/{id}}, {@code Upload-Offset: 0}.
 *   <li>{@code PATCH /{id}} with {@code Content-Type: application/offset+octet-stream} and {@code Upload-Offset: n}
 *       (the current offset) appends the body → 200 with the new {@code Upload-Offset}. Repeat until the offset is the
 *       length; that chunk's response carries the completed upload and its job ({@code Link: </api/v1/studio/jobs/
 *       {jobId}>; rel="monitor"}), or a 422 problem when the file is not a usable video master.
 *   <li>After a broken connection, {@code HEAD /{id}} gives the {@code Upload-Offset} to resume from.
 * </ol>
 *
 * Every response about one upload carries {@code Upload-Offset} and {@code Upload-Length} and is never cached.
 */
@RestController
@RequestMapping(path = UploadController.BASE, produces = "application/json")
@PreAuthorize("hasRole('ADMIN')")
class UploadController {

    static final String BASE = "/api/v1/studio/uploads";
    static final String JOBS = "/api/v1/studio/jobs/";

    private final Uploads uploads;

    UploadController(Uploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<Upload> create(@RequestBody NewUpload request) {
        Upload upload = uploads.create(request, Callers.current().accountId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(BASE + "/" + upload.id()))
                .headers(headersOf(upload))
                .body(upload);
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    ResponseEntity<Void> head(@PathVariable UUID id) {
        return ResponseEntity.ok().headers(headersOf(uploads.get(id))).build();
    }

    @GetMapping("/{id}")
    ResponseEntity<Upload> get(@PathVariable UUID id) {
        Upload upload = uploads.get(id);
        return ResponseEntity.ok().headers(headersOf(upload)).body(upload);
    }

    @PatchMapping(path = "/{id}", consumes = UploadHeaders.CHUNK_CONTENT_TYPE)
    ResponseEntity<Upload> patch(
            @PathVariable UUID id,
            @RequestHeader(name = UploadHeaders.OFFSET, required = false) @Nullable String offsetHeader,
            HttpServletRequest request)
            throws IOException {
        long offset = parseOffset(offsetHeader);
        Upload upload;
        try (InputStream body = request.getInputStream()) {
            upload = uploads.receive(id, offset, request.getContentLengthLong(), body);
        }
        return ResponseEntity.ok().headers(headersOf(upload)).body(upload);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        uploads.abandon(id);
        return ResponseEntity.noContent().build();
    }

    private static long parseOffset(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw ProblemException.badRequest("The " + UploadHeaders.OFFSET + " header is required");
        }
        try {
            long offset = Long.parseLong(header.strip());
            if (offset < 0) {
                throw ProblemException.badRequest(UploadHeaders.OFFSET + " must not be negative");
            }
            return offset;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(UploadHeaders.OFFSET + " must be a whole number of bytes");
        }
    }

    private static HttpHeaders headersOf(Upload upload) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(UploadHeaders.OFFSET, Long.toString(upload.offset()));
        headers.set(UploadHeaders.LENGTH, Long.toString(upload.length()));
        headers.setCacheControl(CacheControl.noStore());
        if (upload.jobId() != null) {
            headers.add(HttpHeaders.LINK, "<" + JOBS + upload.jobId() + ">; rel=\"monitor\"");
        }
        return headers;
    }
}
