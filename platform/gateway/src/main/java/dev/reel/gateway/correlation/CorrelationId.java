package dev.reel.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules for {@code X-Correlation-Id}: a client may send its own id so that it can find its
 * request in the logs, but only a short token of letters, digits, {@code -} and {@code _}; anything
 * else (too long, header injection, log forging) is replaced by a fresh UUID.
 */
public final class CorrelationId {

    /** The request and response header. */
    public static final String HEADER = "X-Correlation-Id";

    /** The logging context (MDC) key and the reactor context key. */
    public static final String CONTEXT_KEY = "correlationId";

    /** The exchange attribute holding the id chosen for the current request. */
    public static final String ATTRIBUTE = CorrelationId.class.getName();

    /** Longest id accepted from a client. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    private CorrelationId() {}

    /**
     * Whether a client-supplied id may be used as is.
     *
     * @param candidate the header value, or {@code null} when absent
     * @return {@code true} for 1 to 64 characters from {@code [A-Za-z0-9_-]}
     */
    public static boolean isWellFormed(@Nullable String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches();
    }

    /**
     * The id to use for a request.
     *
     * @param candidate the header value sent by the client, or {@code null}
     * @return {@code candidate} when well-formed, otherwise a new random UUID
     */
    public static String acceptOrGenerate(@Nullable String candidate) {
        return candidate != null && isWellFormed(candidate)
                ? candidate
                : UUID.randomUUID().toString();
    }
}
