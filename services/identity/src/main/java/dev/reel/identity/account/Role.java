package dev.reel.identity.account;

import java.util.Arrays;
import java.util.Optional;

/** What an account may do. Every account is a member; only the bootstrap administrator is created as admin. */
public enum Role {
    MEMBER("member"),
    ADMIN("admin");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    /** The value in the {@code roles} claim of an access token and in API responses. */
    public String claim() {
        return claim;
    }

    /** The role whose claim value is {@code claim}, or empty when there is none. */
    public static Optional<Role> fromClaim(String claim) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst();
    }
}
