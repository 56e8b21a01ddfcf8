package dev.reel.viewing.history.internal;

import dev.reel.viewing.history.Bookmark;
import dev.reel.viewing.history.ContinueEntry;
import dev.reel.viewing.history.SessionProgress;
import dev.reel.viewing.history.ViewingStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link ViewingStore} in PostgreSQL, the embedded default. Queries stay within what the Cassandra adapter can do: one
 * partition (the first primary key column) per statement, by key or key prefix, ordered by clustering columns.
 * {@link #lockTitle} is the one PostgreSQL-only piece: a row lock that serialises an event and a removal of the same
 * (profile, title).
 */
@Repository
class PostgresViewingStore implements ViewingStore {

    /** The {@code episode_key} of a movie: clustering columns cannot be null. */
    static final UUID NO_EPISODE = new UUID(0, 0);

    private final JdbcClient jdbc;

    PostgresViewingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean markConsumed(UUID eventId, String eventType) {
        return jdbc.sql("""
                        INSERT INTO consumed_events (event_id, event_type) VALUES (:id, :type)
                        ON CONFLICT (event_id) DO NOTHING
                        """).param("id", eventId).param("type", eventType).update() == 1;
    }

    @Override
    public @Nullable Instant lockTitle(UUID profileId, UUID titleId) {
        jdbc.sql("""
                        INSERT INTO titles_by_profile (profile_id, title_id) VALUES (:profile, :title)
                        ON CONFLICT (profile_id, title_id) DO NOTHING
                        """).param("profile", profileId).param("title", titleId).update();
        return jdbc.sql("""
                        SELECT removed_at FROM titles_by_profile WHERE profile_id = :profile AND title_id = :title
                        FOR UPDATE
                        """)
                .param("profile", profileId)
                .param("title", titleId)
                .query((rs, n) -> instant(rs, "removed_at"))
                .optional()
                .orElse(null);
    }

    @Override
    public Optional<Bookmark> bookmark(UUID profileId, UUID titleId, @Nullable UUID episodeId) {
        return jdbc.sql("""
                        SELECT * FROM bookmarks_by_profile
                        WHERE profile_id = :profile AND title_id = :title AND episode_key = :episode
                        """)
                .param("profile", profileId)
                .param("title", titleId)
                .param("episode", key(episodeId))
                .query(PostgresViewingStore::bookmark)
                .optional();
    }

    @Override
    public List<Bookmark> bookmarks(UUID profileId, UUID titleId) {
        return jdbc.sql("""
                        SELECT * FROM bookmarks_by_profile WHERE profile_id = :profile AND title_id = :title
                        ORDER BY episode_key
                        """)
                .param("profile", profileId)
                .param("title", titleId)
                .query(PostgresViewingStore::bookmark)
                .list();
    }

    @Override
    public void saveBookmark(Bookmark b, @Nullable Bookmark previous) {
        jdbc.sql("""
                        INSERT INTO bookmarks_by_profile (profile_id, title_id, episode_key, episode_id,
                            position_millis, duration_millis, watched, updated_at, first_watched_at, completed_at,
                            watched_millis)
                        VALUES (:profile, :title, :episode, :episodeId, :position, :duration, :watched, :updatedAt,
                            :first, :completed, :watchedMillis)
                        ON CONFLICT (profile_id, title_id, episode_key) DO UPDATE SET
                            position_millis = EXCLUDED.position_millis, duration_millis = EXCLUDED.duration_millis,
                            watched = EXCLUDED.watched, updated_at = EXCLUDED.updated_at,
                            first_watched_at = EXCLUDED.first_watched_at, completed_at = EXCLUDED.completed_at,
                            watched_millis = EXCLUDED.watched_millis
                        """)
                .param("profile", b.profileId())
                .param("title", b.titleId())
                .param("episode", key(b.episodeId()))
                .param("episodeId", b.episodeId())
                .param("position", b.positionMillis())
                .param("duration", b.durationMillis())
                .param("watched", b.watched())
                .param("updatedAt", Timestamp.from(b.updatedAt()))
                .param("first", Timestamp.from(b.firstWatchedAt()))
                .param("completed", timestamp(b.completedAt()))
                .param("watchedMillis", b.watchedMillis())
                .update();
        if (previous != null) {
            deleteHistory(previous);
        }
        jdbc.sql("""
                        INSERT INTO history_by_profile (profile_id, last_watched_at, title_id, episode_key, episode_id,
                            position_millis, duration_millis, watched, first_watched_at, completed_at, watched_millis)
                        VALUES (:profile, :at, :title, :episode, :episodeId, :position, :duration, :watched, :first,
                            :completed, :watchedMillis)
                        """)
                .param("profile", b.profileId())
                .param("at", Timestamp.from(b.updatedAt()))
                .param("title", b.titleId())
                .param("episode", key(b.episodeId()))
                .param("episodeId", b.episodeId())
                .param("position", b.positionMillis())
                .param("duration", b.durationMillis())
                .param("watched", b.watched())
                .param("first", Timestamp.from(b.firstWatchedAt()))
                .param("completed", timestamp(b.completedAt()))
                .param("watchedMillis", b.watchedMillis())
                .update();
    }

    @Override
    public void saveContinue(UUID profileId, UUID titleId, @Nullable ContinueEntry entry) {
        Instant current = jdbc.sql("""
                        SELECT continue_at FROM titles_by_profile WHERE profile_id = :profile AND title_id = :title
                        """)
                .param("profile", profileId)
                .param("title", titleId)
                .query((rs, n) -> Optional.ofNullable(instant(rs, "continue_at")))
                .optional()
                .flatMap(at -> at)
                .orElse(null);
        if (current != null) {
            jdbc.sql("""
                            DELETE FROM continue_by_profile
                            WHERE profile_id = :profile AND updated_at = :at AND title_id = :title
                            """)
                    .param("profile", profileId)
                    .param("at", Timestamp.from(current))
                    .param("title", titleId)
                    .update();
        }
        if (entry != null) {
            jdbc.sql("""
                            INSERT INTO continue_by_profile (profile_id, updated_at, title_id, episode_id,
                                position_millis, duration_millis, next_episode)
                            VALUES (:profile, :at, :title, :episode, :position, :duration, :next)
                            """)
                    .param("profile", profileId)
                    .param("at", Timestamp.from(entry.updatedAt()))
                    .param("title", titleId)
                    .param("episode", entry.episodeId())
                    .param("position", entry.positionMillis())
                    .param("duration", entry.durationMillis())
                    .param("next", entry.nextEpisode())
                    .update();
        }
        jdbc.sql("""
                        INSERT INTO titles_by_profile (profile_id, title_id, continue_at) VALUES (:profile, :title, :at)
                        ON CONFLICT (profile_id, title_id) DO UPDATE SET continue_at = EXCLUDED.continue_at
                        """)
                .param("profile", profileId)
                .param("title", titleId)
                .param("at", entry == null ? null : Timestamp.from(entry.updatedAt()))
                .update();
    }

    @Override
    public List<ContinueEntry> continueWatching(UUID profileId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM continue_by_profile WHERE profile_id = :profile
                        ORDER BY updated_at DESC, title_id LIMIT :limit
                        """)
                .param("profile", profileId)
                .param("limit", limit)
                .query((rs, n) -> new ContinueEntry(
                        rs.getObject("profile_id", UUID.class),
                        rs.getObject("title_id", UUID.class),
                        rs.getObject("episode_id", UUID.class),
                        rs.getLong("position_millis"),
                        rs.getLong("duration_millis"),
                        rs.getBoolean("next_episode"),
                        Objects.requireNonNull(instant(rs, "updated_at"))))
                .list();
    }

    @Override
    public List<Bookmark> history(UUID profileId, long offset, int limit) {
        return jdbc.sql("""
                        SELECT *, last_watched_at AS updated_at FROM history_by_profile WHERE profile_id = :profile
                        ORDER BY last_watched_at DESC, title_id, episode_key OFFSET :offset LIMIT :limit
                        """)
                .param("profile", profileId)
                .param("offset", offset)
                .param("limit", limit)
                .query(PostgresViewingStore::bookmark)
                .list();
    }

    @Override
    public long historySize(UUID profileId) {
        return jdbc.sql("SELECT count(*) FROM history_by_profile WHERE profile_id = :profile")
                .param("profile", profileId)
                .query(Long.class)
                .single();
    }

    @Override
    public void removeTitle(UUID profileId, UUID titleId, Instant removedAt) {
        for (Bookmark bookmark : bookmarks(profileId, titleId)) {
            deleteHistory(bookmark);
        }
        jdbc.sql("DELETE FROM bookmarks_by_profile WHERE profile_id = :profile AND title_id = :title")
                .param("profile", profileId)
                .param("title", titleId)
                .update();
        saveContinue(profileId, titleId, null);
        jdbc.sql("""
                        UPDATE titles_by_profile SET removed_at = GREATEST(removed_at, :at)
                        WHERE profile_id = :profile AND title_id = :title
                        """)
                .param("profile", profileId)
                .param("title", titleId)
                .param("at", Timestamp.from(removedAt))
                .update();
    }

    @Override
    public Optional<SessionProgress> session(UUID sessionId) {
        return jdbc.sql("SELECT * FROM session_progress WHERE session_id = :id")
                .param("id", sessionId)
                .query((rs, n) -> new SessionProgress(
                        rs.getObject("session_id", UUID.class),
                        rs.getLong("position_millis"),
                        Objects.requireNonNull(instant(rs, "at"))))
                .optional();
    }

    @Override
    public void saveSession(SessionProgress progress) {
        jdbc.sql("""
                        INSERT INTO session_progress (session_id, position_millis, at) VALUES (:id, :position, :at)
                        ON CONFLICT (session_id) DO UPDATE SET position_millis = EXCLUDED.position_millis,
                            at = EXCLUDED.at
                        WHERE session_progress.at <= EXCLUDED.at
                        """)
                .param("id", progress.sessionId())
                .param("position", progress.positionMillis())
                .param("at", Timestamp.from(progress.at()))
                .update();
    }

    @Override
    public void deleteSession(UUID sessionId) {
        jdbc.sql("DELETE FROM session_progress WHERE session_id = :id")
                .param("id", sessionId)
                .update();
    }

    private void deleteHistory(Bookmark bookmark) {
        jdbc.sql("""
                        DELETE FROM history_by_profile WHERE profile_id = :profile AND last_watched_at = :at
                            AND title_id = :title AND episode_key = :episode
                        """)
                .param("profile", bookmark.profileId())
                .param("at", Timestamp.from(bookmark.updatedAt()))
                .param("title", bookmark.titleId())
                .param("episode", key(bookmark.episodeId()))
                .update();
    }

    private static UUID key(@Nullable UUID episodeId) {
        return episodeId == null ? NO_EPISODE : episodeId;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Bookmark bookmark(ResultSet rs, int n) throws SQLException {
        return new Bookmark(
                rs.getObject("profile_id", UUID.class),
                rs.getObject("title_id", UUID.class),
                rs.getObject("episode_id", UUID.class),
                rs.getLong("position_millis"),
                rs.getLong("duration_millis"),
                rs.getBoolean("watched"),
                Objects.requireNonNull(instant(rs, "updated_at")),
                Objects.requireNonNull(instant(rs, "first_watched_at")),
                instant(rs, "completed_at"),
                rs.getLong("watched_millis"));
    }
}
