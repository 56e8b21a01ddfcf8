package dev.reel.launcher.studio;

/**
 * A failure of a studio operation, with a message meant for the user as is (no stack trace needed to understand it).
 * Subclasses say whether Reel answered with a problem ({@link ApiProblemException}) or could not be reached
 * ({@link ConnectionException}).
 */
public class StudioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a user-facing message. */
    public StudioException(String message) {
        super(message);
    }

    /** Creates the exception with a user-facing message and its cause (kept for logs). */
    public StudioException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same request may succeed when retried later (Reel unreachable, or no healthy instance yet). */
    public boolean isTransient() {
        return false;
    }
}
