package dev.reel.search.query;

import dev.reel.kit.web.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/** The problems of the search API, with their RFC 9457 {@code type}s. */
public final class SearchProblems {

    /** Type of the 400 for a missing, blank or too long {@code q}, or a bad {@code limit}. */
    public static final URI INVALID_QUERY = URI.create("https://reel.dev/problems/invalid-query");

    /** Type of the 400 for a page beyond the deepest result served. */
    public static final URI RESULT_WINDOW = URI.create("https://reel.dev/problems/result-window-exceeded");

    private SearchProblems() {}

    /** 400 {@code invalid-query}. */
    public static ProblemException invalidQuery(String detail) {
        var problem = new ProblemException(HttpStatus.BAD_REQUEST, "Invalid query", detail);
        problem.getBody().setType(INVALID_QUERY);
        return problem;
    }

    /** 400 {@code result-window-exceeded}, with extension {@code maxResultWindow}. */
    public static ProblemException resultWindowExceeded(int maxResultWindow) {
        var problem = new ProblemException(
                HttpStatus.BAD_REQUEST,
                "Result window exceeded",
                "Only the first " + maxResultWindow + " results are served; refine the query");
        problem.getBody().setType(RESULT_WINDOW);
        problem.getBody().setProperty("maxResultWindow", maxResultWindow);
        return problem;
    }
}
