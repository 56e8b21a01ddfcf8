package dev.reel.identity.auth.internal;

import java.time.Instant;

/** What presenting a refresh token means, in order of precedence. */
enum RefreshTokenRules {
    /** The family was revoked (logout, or theft detected earlier): reject. */
    REVOKED,
    /** The token was already exchanged: someone replays it, so revoke the whole family and reject. */
    REUSED,
    /** The token outlived its lifetime: reject. */
    EXPIRED,
    /** Unused, unexpired and not revoked: rotate it. */
    VALID;

    static RefreshTokenRules judge(RefreshTokenRow token, Instant now) {
        if (token.revokedAt() != null) {
            return REVOKED;
        }
        if (token.usedAt() != null) {
            return REUSED;
        }
        if (!now.isBefore(token.expiresAt())) {
            return EXPIRED;
        }
        return VALID;
    }
}
