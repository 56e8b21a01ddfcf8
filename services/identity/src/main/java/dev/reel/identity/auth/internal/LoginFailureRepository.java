package dev.reel.identity.auth.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code login_failures}: consecutive failed logins and the current lock per lower-cased email. Rows exist for
 * unknown emails too, so a lockout does not reveal whether an account exists.
 */
@Repository
class LoginFailureRepository {

    private final JdbcClient jdbc;

    LoginFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> lockedUntil(String emailKey) {
        return jdbc.sql("select locked_until from login_failures where email_key = :key and locked_until is not null")
                .param("key", emailKey)
                .query((rs, rowNum) ->
                        rs.getObject("locked_until", OffsetDateTime.class).toInstant())
                .optional();
    }

    /**
     * Counts one more failure atomically.
     *
     * @return consecutive failures, this one included
     */
    int recordFailure(String emailKey, Instant now) {
        return jdbc.sql("""
                        insert into login_failures (email_key, failed_count, last_failed_at)
                        values (:key, 1, :now)
                        on conflict (email_key) do update
                          set failed_count = login_failures.failed_count + 1, last_failed_at = excluded.last_failed_at
                        returning failed_count
                        """)
                .param("key", emailKey)
                .param("now", utc(now))
                .query(Integer.class)
                .single();
    }

    void lock(String emailKey, Instant until) {
        jdbc.sql("update login_failures set locked_until = :until where email_key = :key")
                .param("until", utc(until))
                .param("key", emailKey)
                .update();
    }

    void reset(String emailKey) {
        jdbc.sql("delete from login_failures where email_key = :key")
                .param("key", emailKey)
                .update();
    }

    /** Forgets failures older than {@code cutoff} whose lock has expired. */
    int purgeBefore(Instant cutoff) {
        return jdbc.sql("""
                        delete from login_failures
                        where last_failed_at < :cutoff and (locked_until is null or locked_until < :cutoff)
                        """).param("cutoff", utc(cutoff)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
