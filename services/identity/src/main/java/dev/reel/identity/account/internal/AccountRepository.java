package dev.reel.identity.account.internal;

import dev.reel.identity.account.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code accounts} table access. Emails are matched case-insensitively through the {@code lower(email)} index. */
@Repository
class AccountRepository {

    private static final String COLUMNS = "id, email, password_hash, display_name, roles, status, created_at";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the account unless one with the same email (ignoring case) exists; safe under concurrent inserts.
     *
     * @return whether the row was inserted
     */
    boolean insertIfAbsent(AccountRow row) {
        return jdbc.sql("""
                        insert into accounts (id, email, password_hash, display_name, roles, status, created_at)
                        values (:id, :email, :hash, :displayName, string_to_array(:roles, ','), :status, :createdAt)
                        on conflict do nothing
                        """)
                        .param("id", row.id())
                        .param("email", row.email())
                        .param("hash", row.passwordHash())
                        .param("displayName", row.displayName())
                        .param("roles", row.roles().stream().map(Role::claim).collect(Collectors.joining(",")))
                        .param("status", row.status().name())
                        .param("createdAt", utc(row.createdAt()))
                        .update()
                == 1;
    }

    Optional<AccountRow> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from accounts where lower(email) = lower(:email)")
                .param("email", email)
                .query(AccountRepository::map)
                .optional();
    }

    Optional<AccountRow> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from accounts where id = :id")
                .param("id", id)
                .query(AccountRepository::map)
                .optional();
    }

    void updatePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("update accounts set password_hash = :hash where id = :id")
                .param("hash", passwordHash)
                .param("id", id)
                .update();
    }

    private static AccountRow map(ResultSet rs, int rowNum) throws SQLException {
        return new AccountRow(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("password_hash"),
                rs.getString("display_name"),
                roles(rs.getArray("roles")),
                AccountRow.Status.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray())
                .map(Role::fromClaim)
                .flatMap(Optional::stream)
                .forEach(roles::add);
        return roles;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
