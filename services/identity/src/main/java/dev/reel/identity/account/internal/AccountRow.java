package dev.reel.identity.account.internal;

import dev.reel.identity.account.AccountView;
import dev.reel.identity.account.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A row of {@code accounts}; stays inside the account feature. */
record AccountRow(
        UUID id,
        String email,
        String passwordHash,
        String displayName,
        Set<Role> roles,
        Status status,
        Instant createdAt) {

    enum Status {
        ACTIVE,
        DISABLED
    }

    AccountRow {
        roles = Set.copyOf(roles);
    }

    boolean active() {
        return status == Status.ACTIVE;
    }

    AccountView view() {
        List<String> claims = roles.stream().sorted().map(Role::claim).toList();
        return new AccountView(id, email, displayName, claims, createdAt);
    }

    @Override
    public String toString() {
        return "AccountRow[id=" + id + ", roles=" + roles + ", status=" + status + "]";
    }
}
