package dev.reel.identity.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/auth/refresh} and {@code POST /api/v1/auth/logout}.
 *
 * @param refreshToken a refresh token from a login or an earlier refresh
 */
public record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=***]";
    }
}
