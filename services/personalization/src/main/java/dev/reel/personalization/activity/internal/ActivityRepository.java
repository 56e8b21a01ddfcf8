package dev.reel.personalization.activity.internal;

import dev.reel.personalization.activity.Interaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code interactions} and {@code trending} tables and the {@code consumed_events} ledger. */
@Repository
class ActivityRepository {

    /** A title's stored trending score, valid at {@code asOf}. */
    record TrendingRow(UUID titleId, double score, Instant asOf, long starts) {}

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when {@code eventId} was applied before (a redelivery): the caller must change nothing */
    boolean markConsumed(UUID eventId, String eventType) {
        return jdbc.sql("""
                        INSERT INTO consumed_events (event_id, event_type) VALUES (:id, :type)
                        ON CONFLICT (event_id) DO NOTHING
                        """).param("id", eventId).param("type", eventType).update() == 1;
    }

    /**
     * Raises the (profile, title) strength to at least {@code strength}, adds {@code plays}, and moves the last play
     * forward (never back).
     */
    void record(UUID profileId, UUID titleId, UUID accountId, float strength, int plays, Instant at) {
        jdbc.sql("""
                        INSERT INTO interactions (profile_id, title_id, account_id, strength, plays, last_played_at)
                        VALUES (:profile, :title, :account, :strength, :plays, :at)
                        ON CONFLICT (profile_id, title_id) DO UPDATE SET
                            strength = GREATEST(interactions.strength, EXCLUDED.strength),
                            plays = interactions.plays + EXCLUDED.plays,
                            last_played_at = GREATEST(interactions.last_played_at, EXCLUDED.last_played_at),
                            changed_at = clock_timestamp()
                        """)
                .param("profile", profileId)
                .param("title", titleId)
                .param("account", accountId)
                .param("strength", (double) Math.clamp(strength, 0f, 1f))
                .param("plays", plays)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<Interaction> history(UUID profileId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM interactions WHERE profile_id = :profile
                        ORDER BY last_played_at DESC, title_id LIMIT :limit
                        """)
                .param("profile", profileId)
                .param("limit", limit)
                .query(ActivityRepository::interaction)
                .list();
    }

    /** The database's clock, so change watermarks never depend on this instance's clock. */
    Instant now() {
        return jdbc.sql("SELECT clock_timestamp()")
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    /** Profiles with an interaction changed after {@code since} (indexed by {@code changed_at}). */
    List<UUID> changedProfiles(Instant since) {
        return jdbc.sql("SELECT DISTINCT profile_id FROM interactions WHERE changed_at > :since")
                .param("since", Timestamp.from(since))
                .query(UUID.class)
                .list();
    }

    void forEach(Consumer<Interaction> sink) {
        jdbc.sql("SELECT * FROM interactions").withFetchSize(5_000).query(ActivityRepository::interaction).stream()
                .forEach(sink);
    }

    @Nullable
    Instant lastChange() {
        Timestamp last = jdbc.sql("SELECT max(changed_at) FROM interactions")
                .query(Timestamp.class)
                .optional()
                .orElse(null);
        return last == null ? null : last.toInstant();
    }

    /** The title's trending row, locked for the rest of the transaction. */
    Optional<TrendingRow> lockTrending(UUID titleId) {
        return jdbc.sql("SELECT * FROM trending WHERE title_id = :id FOR UPDATE")
                .param("id", titleId)
                .query(ActivityRepository::trendingRow)
                .optional();
    }

    void saveTrending(UUID titleId, double score, Instant asOf, long starts) {
        jdbc.sql("""
                        INSERT INTO trending (title_id, score, as_of, starts) VALUES (:id, :score, :asOf, :starts)
                        ON CONFLICT (title_id) DO UPDATE SET score = EXCLUDED.score, as_of = EXCLUDED.as_of,
                            starts = EXCLUDED.starts
                        """)
                .param("id", titleId)
                .param("score", score)
                .param("asOf", Timestamp.from(asOf))
                .param("starts", starts)
                .update();
    }

    List<TrendingRow> trending() {
        return jdbc.sql("SELECT * FROM trending ORDER BY title_id")
                .query(ActivityRepository::trendingRow)
                .list();
    }

    private static TrendingRow trendingRow(ResultSet rs, int n) throws SQLException {
        return new TrendingRow(
                rs.getObject("title_id", UUID.class),
                rs.getDouble("score"),
                rs.getTimestamp("as_of").toInstant(),
                rs.getLong("starts"));
    }

    private static Interaction interaction(ResultSet rs, int n) throws SQLException {
        return new Interaction(
                rs.getObject("profile_id", UUID.class),
                rs.getObject("title_id", UUID.class),
                rs.getFloat("strength"),
                rs.getInt("plays"),
                rs.getTimestamp("last_played_at").toInstant(),
                rs.getTimestamp("changed_at").toInstant());
    }
}
