package dev.reel.identity.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/auth/login}.
 *
 * @param email the account's email, any case
 * @param password the account's password
 */
public record LoginRequest(
        @NotBlank @Size(max = 254) String email,
        @NotNull @Size(max = 128) String password) {

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
