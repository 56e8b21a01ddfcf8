package dev.reel.identity.auth.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code refresh_tokens} table access; tokens are looked up by the SHA-256 hash of their secret. */
@Repository
class RefreshTokenRepository {

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(RefreshTokenRow row, byte[] tokenHash) {
        jdbc.sql("""
                        insert into refresh_tokens (id, account_id, family_id, token_hash, issued_at, expires_at)
                        values (:id, :accountId, :familyId, :hash, :issuedAt, :expiresAt)
                        """)
                .param("id", row.id())
                .param("accountId", row.accountId())
                .param("familyId", row.familyId())
                .param("hash", tokenHash)
                .param("issuedAt", utc(row.issuedAt()))
                .param("expiresAt", utc(row.expiresAt()))
                .update();
    }

    Optional<RefreshTokenRow> findByHash(byte[] tokenHash) {
        return jdbc.sql("""
                        select id, account_id, family_id, issued_at, expires_at, used_at, revoked_at
                        from refresh_tokens where token_hash = :hash
                        """)
                .param("hash", tokenHash)
                .query(RefreshTokenRepository::map)
                .optional();
    }

    /**
     * Marks the token used unless it already is (or is revoked); of two concurrent callers exactly one succeeds.
     *
     * @return whether this call marked it
     */
    boolean markUsed(UUID id, Instant now) {
        return jdbc.sql("""
                        update refresh_tokens set used_at = :now
                        where id = :id and used_at is null and revoked_at is null
                        """).param("now", utc(now)).param("id", id).update() == 1;
    }

    /** Revokes every not yet revoked token of the family; returns how many. */
    int revokeFamily(UUID familyId, Instant now) {
        return jdbc.sql("update refresh_tokens set revoked_at = :now where family_id = :family and revoked_at is null")
                .param("now", utc(now))
                .param("family", familyId)
                .update();
    }

    /** Deletes tokens that expired before {@code cutoff}; returns how many. */
    int purgeExpiredBefore(Instant cutoff) {
        return jdbc.sql("delete from refresh_tokens where expires_at < :cutoff")
                .param("cutoff", utc(cutoff))
                .update();
    }

    private static RefreshTokenRow map(ResultSet rs, int rowNum) throws SQLException {
        return new RefreshTokenRow(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getObject("family_id", UUID.class),
                instant(rs, "issued_at"),
                instant(rs, "expires_at"),
                nullableInstant(rs, "used_at"),
                nullableInstant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
