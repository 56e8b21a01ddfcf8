package dev.reel.identity.auth;

import dev.reel.identity.account.AccountView;

/**
 * What login and refresh return.
 *
 * @param accessToken an RS256 JWT to send as {@code Authorization: Bearer ...}
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 * @param refreshToken an opaque, single-use token for {@code POST /api/v1/auth/refresh}
 * @param refreshExpiresIn seconds until the refresh token expires
 * @param account the authenticated account
 */
public record TokenResponse(
        String accessToken,
        String tokenType,
        long expiresIn,
        String refreshToken,
        long refreshExpiresIn,
        AccountView account) {

    public static final String BEARER = "Bearer";

    @Override
    public String toString() {
        return "TokenResponse[account=" + account.id() + ", expiresIn=" + expiresIn + "]";
    }
}
