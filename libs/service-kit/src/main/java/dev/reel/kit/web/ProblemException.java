package dev.reel.kit.web;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error a handler means to return to the caller as an RFC 9457 problem. Throw it from anywhere in a
 * request; the kit turns it into an {@code application/problem+json} response with this status, title
 * and detail.
 */
public class ProblemException extends ErrorResponseException {

    private final @Nullable Duration retryAfter;

    public ProblemException(HttpStatusCode status, String title, String detail) {
        this(status, title, detail, null);
    }

    private ProblemException(HttpStatusCode status, String title, String detail, @Nullable Duration retryAfter) {
        super(status, problem(status, title, detail), null);
        this.retryAfter = retryAfter;
        if (retryAfter != null) {
            getHeaders().set("Retry-After", Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }
    }

    private static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** 400: the request is malformed in a way the caller can fix. */
    public static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Bad request", detail);
    }

    /** 404: the thing does not exist, or the caller may not know that it does. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    /** 409: the request conflicts with the current state. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "Conflict", detail);
    }

    /** 422: the request is well formed but its content is not acceptable. */
    public static ProblemException unprocessable(String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable content", detail);
    }

    /** 429 with a {@code Retry-After} header of {@code retryAfter}, rounded up to whole seconds. */
    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail, retryAfter);
    }

    /** How long the caller should wait before trying again, when the status asks it to. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
