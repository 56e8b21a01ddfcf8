package dev.reel.steering.popularity.internal;

import dev.reel.steering.popularity.DecayedScore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code title_popularity} and {@code session_progress} tables and the {@code consumed_events} ledger. */
@Repository
class PopularityRepository {

    /**
     * A title's row.
     *
     * @param score decayed views
     * @param views views counted
     * @param watched decayed bytes watched, null before the first heartbeat
     * @param watchedBytes bytes watched counted
     */
    record Row(
            UUID titleId,
            DecayedScore score,
            long views,
            @Nullable DecayedScore watched,
            long watchedBytes) {}

    /** A live session's last known position. */
    record Progress(UUID sessionId, UUID titleId, long positionMillis, long bitrateBps, Instant at) {}

    private final JdbcClient jdbc;

    PopularityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code eventId} is being applied in the current transaction.
     *
     * @return false when it was applied before (a redelivery): the caller must change nothing
     */
    boolean markConsumed(UUID eventId, String eventType) {
        return jdbc.sql("""
                        INSERT INTO consumed_events (event_id, event_type) VALUES (:id, :type)
                        ON CONFLICT (event_id) DO NOTHING
                        """).param("id", eventId).param("type", eventType).update() == 1;
    }

    /** The title's row, created empty (valid at {@code at}) if missing, and locked for the rest of the transaction. */
    Row lock(UUID titleId, Instant at) {
        jdbc.sql("""
                        INSERT INTO title_popularity (title_id, score, as_of, views) VALUES (:id, 0, :at, 0)
                        ON CONFLICT (title_id) DO NOTHING
                        """).param("id", titleId).param("at", Timestamp.from(at)).update();
        return jdbc.sql("SELECT * FROM title_popularity WHERE title_id = :id FOR UPDATE")
                .param("id", titleId)
                .query(PopularityRepository::row)
                .single();
    }

    void saveViews(UUID titleId, DecayedScore score, Instant viewedAt) {
        jdbc.sql("""
                        UPDATE title_popularity SET score = :score, as_of = :asOf, views = views + 1,
                            last_viewed_at = GREATEST(last_viewed_at, :viewedAt)
                        WHERE title_id = :id
                        """)
                .param("id", titleId)
                .param("score", score.score())
                .param("asOf", Timestamp.from(score.asOf()))
                .param("viewedAt", Timestamp.from(viewedAt))
                .update();
    }

    void saveWatched(UUID titleId, DecayedScore watched, long bytes) {
        jdbc.sql("""
                        UPDATE title_popularity SET watched_score = :score, watched_as_of = :asOf,
                            watched_bytes = watched_bytes + :bytes
                        WHERE title_id = :id
                        """)
                .param("id", titleId)
                .param("score", watched.score())
                .param("asOf", Timestamp.from(watched.asOf()))
                .param("bytes", bytes)
                .update();
    }

    List<Row> findAll() {
        return jdbc.sql("SELECT * FROM title_popularity")
                .query(PopularityRepository::row)
                .list();
    }

    /** The session's last position, locked for the rest of the transaction. */
    Optional<Progress> lockProgress(UUID sessionId) {
        return jdbc.sql("SELECT * FROM session_progress WHERE session_id = :id FOR UPDATE")
                .param("id", sessionId)
                .query((rs, n) -> new Progress(
                        rs.getObject("session_id", UUID.class),
                        rs.getObject("title_id", UUID.class),
                        rs.getLong("position_millis"),
                        rs.getLong("bitrate_bps"),
                        rs.getTimestamp("at").toInstant()))
                .optional();
    }

    /** Inserts or moves the session's position; an older event never moves it back. */
    void saveProgress(UUID sessionId, UUID titleId, long positionMillis, long bitrateBps, Instant at) {
        jdbc.sql("""
                        INSERT INTO session_progress (session_id, title_id, position_millis, bitrate_bps, at)
                        VALUES (:id, :title, :position, :bitrate, :at)
                        ON CONFLICT (session_id) DO UPDATE SET position_millis = EXCLUDED.position_millis,
                            bitrate_bps = EXCLUDED.bitrate_bps, at = EXCLUDED.at
                        WHERE session_progress.at <= EXCLUDED.at
                        """)
                .param("id", sessionId)
                .param("title", titleId)
                .param("position", positionMillis)
                .param("bitrate", bitrateBps)
                .param("at", Timestamp.from(at))
                .update();
    }

    void deleteProgress(UUID sessionId) {
        jdbc.sql("DELETE FROM session_progress WHERE session_id = :id")
                .param("id", sessionId)
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp watchedAsOf = rs.getTimestamp("watched_as_of");
        return new Row(
                rs.getObject("title_id", UUID.class),
                new DecayedScore(rs.getDouble("score"), rs.getTimestamp("as_of").toInstant()),
                rs.getLong("views"),
                watchedAsOf == null ? null : new DecayedScore(rs.getDouble("watched_score"), watchedAsOf.toInstant()),
                rs.getLong("watched_bytes"));
    }
}
