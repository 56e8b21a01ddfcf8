package dev.reel.edgetoken;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@link EdgeTokens#verify}: an outcome and, when the signature checked out, the
 * token's claims.
 *
 * @param outcome what the verifier concluded
 * @param token the verified claims; non-null exactly when the signature was good, that is for
 *     {@link Outcome#VALID}, {@link Outcome#EXPIRED} and {@link Outcome#PATH_OUTSIDE_PREFIX}
 */
public record EdgeTokenVerification(
        Outcome outcome, @Nullable EdgeToken token) {

    /** What {@link EdgeTokens#verify} concluded, in the order the checks run. */
    public enum Outcome {
        /** The token could not be parsed (wrong shape, encoding, field or length). */
        MALFORMED,
        /** The key id is unknown, or the MAC does not match the claims. */
        BAD_SIGNATURE,
        /** The signature is good but the expiry has passed. */
        EXPIRED,
        /** The signature is good and current, but the request path is not inside the prefix. */
        PATH_OUTSIDE_PREFIX,
        /** The token authorises the request. */
        VALID
    }

    public EdgeTokenVerification {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Returns whether the token authorises the request. */
    public boolean isValid() {
        return outcome == Outcome.VALID;
    }
}
