package dev.reel.identity.auth;

import java.util.UUID;

/** Logging in, refreshing and logging out. */
public interface AuthService {

    /**
     * Checks the credentials and starts a new refresh-token family.
     *
     * @throws dev.reel.kit.web.ProblemException 401 on a wrong email or password; 429 with a retry-after while the
     *     email is locked out after repeated failures (even when the password is right)
     */
    TokenResponse login(LoginRequest request);

    /**
     * Exchanges a refresh token for a new access token and a new refresh token of the same family. The presented
     * token becomes used; presenting a used token again revokes its whole family.
     *
     * @throws dev.reel.kit.web.ProblemException 401 when the token is unknown, expired, revoked or reused
     */
    TokenResponse refresh(String refreshToken);

    /**
     * Revokes the family of {@code refreshToken} when it belongs to {@code accountId}; otherwise does nothing, so
     * the answer never reveals whether a token exists.
     */
    void logout(UUID accountId, String refreshToken);
}
