package dev.reel.identity.profile.internal;

import dev.reel.events.Maturity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code profiles} table access, always scoped to the owning account. */
@Repository
class ProfileRepository {

    private static final String COLUMNS = "id, account_id, name, avatar, language, kids, maturity_ceiling, created_at";

    private final JdbcClient jdbc;

    ProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises profile changes of one account until the current transaction ends, so counting and then inserting
     * or deleting cannot race with another request of the same account.
     */
    void lockAccount(UUID accountId) {
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", accountId.getMostSignificantBits() ^ accountId.getLeastSignificantBits())
                .query((rs, rowNum) -> 1)
                .single();
    }

    int count(UUID accountId) {
        return jdbc.sql("select count(*) from profiles where account_id = :account")
                .param("account", accountId)
                .query(Integer.class)
                .single();
    }

    List<ProfileRow> list(UUID accountId) {
        return jdbc.sql("select " + COLUMNS + " from profiles where account_id = :account order by created_at, id")
                .param("account", accountId)
                .query(ProfileRepository::map)
                .list();
    }

    Optional<ProfileRow> find(UUID accountId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from profiles where account_id = :account and id = :id")
                .param("account", accountId)
                .param("id", id)
                .query(ProfileRepository::map)
                .optional();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the account has a profile with this name */
    void insert(ProfileRow row) {
        jdbc.sql("""
                        insert into profiles (id, account_id, name, avatar, language, kids, maturity_ceiling, created_at)
                        values (:id, :account, :name, :avatar, :language, :kids, :ceiling, :createdAt)
                        """)
                .param("id", row.id())
                .param("account", row.accountId())
                .param("name", row.name())
                .param("avatar", row.avatar())
                .param("language", row.language())
                .param("kids", row.kids())
                .param("ceiling", row.maturityCeiling().label())
                .param("createdAt", row.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the account has another profile with this name */
    void update(ProfileRow row) {
        jdbc.sql("""
                        update profiles
                        set name = :name, avatar = :avatar, language = :language, kids = :kids, maturity_ceiling = :ceiling
                        where account_id = :account and id = :id
                        """)
                .param("name", row.name())
                .param("avatar", row.avatar())
                .param("language", row.language())
                .param("kids", row.kids())
                .param("ceiling", row.maturityCeiling().label())
                .param("account", row.accountId())
                .param("id", row.id())
                .update();
    }

    void delete(UUID accountId, UUID id) {
        jdbc.sql("delete from profiles where account_id = :account and id = :id")
                .param("account", accountId)
                .param("id", id)
                .update();
    }

    private static ProfileRow map(ResultSet rs, int rowNum) throws SQLException {
        String ceiling = rs.getString("maturity_ceiling");
        return new ProfileRow(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("name"),
                rs.getString("avatar"),
                rs.getString("language"),
                rs.getBoolean("kids"),
                Maturity.fromLabel(ceiling)
                        .orElseThrow(() -> new IllegalStateException("Unknown stored maturity " + ceiling)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
