package dev.reel.launcher.studio;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/** The gateway could not be reached, or the connection dropped before a response arrived. Always transient. */
public final class ConnectionException extends StudioException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param gateway the gateway's base URI, named in the message
     * @param cause the I/O failure
     */
    public ConnectionException(URI gateway, Exception cause) {
        super(
                "Cannot reach Reel at " + gateway + " (" + describe(cause) + "). Is it running? `reel status` tells;"
                        + " `reel up` starts it.",
                cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }

    /** Whether nothing listens at the gateway's address (connection refused): Reel is most likely not running. */
    public boolean isRefused() {
        return getCause() instanceof ConnectException;
    }

    private static String describe(Exception cause) {
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no response in time";
        }
        String name = cause.getClass().getSimpleName();
        String message = cause.getMessage();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }
}
