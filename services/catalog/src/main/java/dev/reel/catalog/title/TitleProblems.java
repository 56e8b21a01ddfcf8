package dev.reel.catalog.title;

import dev.reel.kit.web.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The problems title operations report beyond the kit's factories. */
public final class TitleProblems {

    private TitleProblems() {}

    /** 404 for a title that does not exist or that the caller may not see (the two are indistinguishable). */
    public static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No title " + id);
    }

    /** 412 when {@code If-Match} names a version other than the current one. */
    public static ProblemException stale() {
        return new ProblemException(
                HttpStatus.PRECONDITION_FAILED,
                "Precondition failed",
                "The title has changed since the version given in If-Match; fetch it again");
    }
}
