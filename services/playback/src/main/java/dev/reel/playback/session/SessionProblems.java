package dev.reel.playback.session;

import dev.reel.events.Maturity;
import dev.reel.kit.web.ProblemException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The problems of session operations, with their RFC 9457 {@code type}s. */
public final class SessionProblems {

    /** Type of the 409 when the account already holds its maximum of live sessions. */
    public static final URI TOO_MANY_STREAMS = URI.create("https://reel.dev/problems/too-many-streams");

    /** Type of the 403 when a title is rated above the profile's ceiling. */
    public static final URI MATURITY_RESTRICTED = URI.create("https://reel.dev/problems/maturity-restricted");

    /** Type of the 410 for a session that stopped or expired. */
    public static final URI SESSION_ENDED = URI.create("https://reel.dev/problems/session-ended");

    private SessionProblems() {}

    /** 404 for a session that does not exist or belongs to another account (the two are indistinguishable). */
    public static ProblemException notFound(UUID sessionId) {
        return ProblemException.notFound("No playback session " + sessionId);
    }

    /**
     * 404 for an {@code episodeId} that is not one of the title's episodes, or that names an episode of a movie (which
     * has none).
     */
    public static ProblemException episodeNotFound(UUID titleId, UUID episodeId, boolean series) {
        return ProblemException.notFound(
                series
                        ? "Series " + titleId + " has no episode " + episodeId
                        : "Title " + titleId + " is not a series, so it has no episode " + episodeId);
    }

    /** 410 {@code session-ended}. */
    public static ProblemException ended(UUID sessionId) {
        var problem = new ProblemException(
                HttpStatus.GONE, "Session ended", "Playback session " + sessionId + " has stopped or expired");
        problem.getBody().setType(SESSION_ENDED);
        return problem;
    }

    /** 403 {@code maturity-restricted}. */
    public static ProblemException maturityRestricted(Maturity title, Maturity ceiling) {
        var problem = new ProblemException(
                HttpStatus.FORBIDDEN,
                "Maturity restricted",
                "This title is rated " + title.label() + ", above this profile's limit of " + ceiling.label());
        problem.getBody().setType(MATURITY_RESTRICTED);
        problem.getBody().setProperty("titleMaturity", title.label());
        problem.getBody().setProperty("profileCeiling", ceiling.label());
        return problem;
    }

    /** 409 {@code too-many-streams}, listing the live sessions (extension {@code liveSessions}). */
    public static ProblemException tooManyStreams(int maxStreams, List<SessionSummary> live) {
        var problem = new ProblemException(
                HttpStatus.CONFLICT,
                "Too many streams",
                "This account is already watching on " + live.size() + " screen" + (live.size() == 1 ? "" : "s")
                        + " (at most " + maxStreams + " at a time); stop one to start another");
        problem.getBody().setType(TOO_MANY_STREAMS);
        problem.getBody().setProperty("maxStreams", maxStreams);
        problem.getBody().setProperty("liveSessions", List.copyOf(live));
        return problem;
    }

    /** 422 when an idempotency key comes back with a different profile, title or episode. */
    public static ProblemException idempotencyKeyReused() {
        return ProblemException.unprocessable(
                "This Idempotency-Key was used to start a session for another profile, title or episode");
    }
}
