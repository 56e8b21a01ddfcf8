package dev.reel.identity.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/accounts}.
 *
 * @param email a syntactically valid email address, at most 254 characters
 * @param password 10 to 128 characters
 * @param displayName optional, at most 80 characters; defaults to the email's local part
 */
public record SignupRequest(
        @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
        String email,

        @NotNull @Size(min = 10, max = 128) String password,
        @Nullable @Size(max = 80) String displayName) {

    @Override
    public String toString() {
        return "SignupRequest[email=" + email + ", displayName=" + displayName + "]";
    }
}
