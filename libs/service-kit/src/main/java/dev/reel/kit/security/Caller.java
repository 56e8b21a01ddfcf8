package dev.reel.kit.security;

import java.util.Set;
import java.util.UUID;

/**
 * The account a request acts for, taken from its verified access token. Never built from ids the
 * client sends in the body, path or query.
 *
 * @param accountId the token's subject
 * @param roles lower-case role names, such as {@code member} and {@code admin}
 * @param bearerToken the raw token, for calls made on the caller's behalf
 */
public record Caller(UUID accountId, Set<String> roles, String bearerToken) {

    public static final String ADMIN = "admin";
    public static final String MEMBER = "member";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }
}
