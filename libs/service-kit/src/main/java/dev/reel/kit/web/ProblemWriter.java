package dev.reel.kit.web;

import dev.reel.kit.observability.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem bodies where no MVC handler runs: servlet filters and security entry points. Handlers
 * throw {@link ProblemException} instead.
 */
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    static ProblemDetail payloadTooLarge(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + limit + " bytes.");
        problem.setTitle("Content too large");
        return problem;
    }

    /** Adds the request's correlation id to {@code problem}, if there is one. */
    public static ProblemDetail withCorrelationId(ProblemDetail problem) {
        @Nullable String id = CorrelationIdFilter.current();
        if (id != null) {
            problem.setProperty("correlationId", id);
        }
        return problem;
    }

    /** Names the request's path as {@code problem}'s instance, unless the path is not a valid URI reference. */
    public static ProblemDetail withInstance(ProblemDetail problem, HttpServletRequest request) {
        try {
            problem.setInstance(new URI(request.getRequestURI()));
        } catch (URISyntaxException e) {
            // leave the instance out rather than fail the answer
        }
        return problem;
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), withCorrelationId(problem));
    }
}
