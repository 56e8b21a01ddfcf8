package dev.reel.launcher;

/**
 * A failure to report to the user as a plain message (no stack trace), with the process exit code to use.
 */
public final class LauncherException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /** Creates the exception; {@code message} is printed as is. */
    public LauncherException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The exit code the command ends with. */
    public int exitCode() {
        return exitCode;
    }
}
