package dev.reel.identity.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account as the API shows it; never carries credentials.
 *
 * @param id the account id, also the {@code sub} claim of its access tokens
 * @param email the email as given at sign-up (unique regardless of case)
 * @param displayName the name shown in clients
 * @param roles role claim values, {@code member} first
 * @param createdAt when the account was created
 */
public record AccountView(UUID id, String email, String displayName, List<String> roles, Instant createdAt) {

    public AccountView {
        roles = List.copyOf(roles);
    }
}
