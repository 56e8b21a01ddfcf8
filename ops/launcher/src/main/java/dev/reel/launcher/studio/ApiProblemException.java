package dev.reel.launcher.studio;

/** Reel answered a request with an error status; the message is the problem in words ({@link Problem#describe()}). */
public final class ApiProblemException extends StudioException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    /** Creates the exception for {@code problem}. */
    public ApiProblemException(Problem problem) {
        super(problem.describe());
        this.problem = problem;
    }

    /** The problem Reel answered with. */
    public Problem problem() {
        return problem;
    }

    /** The HTTP status. */
    public int status() {
        return problem.status();
    }

    @Override
    public boolean isTransient() {
        return problem.isTransient();
    }
}
