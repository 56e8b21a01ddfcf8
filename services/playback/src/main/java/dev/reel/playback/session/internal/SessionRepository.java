package dev.reel.playback.session.internal;

import dev.reel.playback.edge.EdgeTarget;
import dev.reel.playback.stream.Device;
import dev.reel.playback.stream.DeviceClass;
import dev.reel.playback.stream.Rendition;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Sessions and the per-account stream-slot lock rows, over {@link JdbcClient}. Callers own the transactions. */
@Repository
class SessionRepository {

    private static final String COLUMNS = """
            id, account_id, profile_id, title_id, title_name, origin_version, episode_id, duration_millis,
            device_class, max_height, codecs, renditions, edges, token_expires_at, client_address, idempotency_key,
            state, started_at, last_heartbeat_at, expires_at, ended_at, position_millis""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SessionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Locks the account's stream-slot row until the transaction ends, creating it on first use. Every start of the
     * account takes this lock before counting live sessions, which makes the limit race-free across instances.
     */
    void lockAccount(UUID accountId) {
        jdbc.sql("INSERT INTO stream_accounts (account_id) VALUES (:account) ON CONFLICT DO NOTHING")
                .param("account", accountId)
                .update();
        jdbc.sql("SELECT account_id FROM stream_accounts WHERE account_id = :account FOR UPDATE")
                .param("account", accountId)
                .query(UUID.class)
                .single();
    }

    Optional<SessionRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sessions WHERE id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    /** The row, locked until the transaction ends. */
    Optional<SessionRow> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sessions WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    Optional<SessionRow> findByIdempotencyKey(UUID accountId, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sessions WHERE account_id = :account AND idempotency_key = :key")
                .param("account", accountId)
                .param("key", key)
                .query(this::row)
                .optional();
    }

    /** The account's sessions holding a slot at {@code now}, oldest first. */
    List<SessionRow> liveOf(UUID accountId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM sessions
                        WHERE account_id = :account AND state = 'LIVE' AND expires_at > :now
                        ORDER BY started_at, id""")
                .param("account", accountId)
                .param("now", Timestamp.from(now))
                .query(this::row)
                .list();
    }

    /** One page of the account's live sessions, newest first. */
    List<SessionRow> livePage(UUID accountId, Instant now, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM sessions
                        WHERE account_id = :account AND state = 'LIVE' AND expires_at > :now
                        ORDER BY started_at DESC, id
                        LIMIT :limit OFFSET :offset""")
                .param("account", accountId)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .param("offset", offset)
                .query(this::row)
                .list();
    }

    long countLive(UUID accountId, Instant now) {
        return jdbc.sql("""
                        SELECT count(*) FROM sessions
                         WHERE account_id = :account AND state = 'LIVE' AND expires_at > :now""")
                .param("account", accountId)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** The account's live sessions past their expiry, locked (the caller holds the account lock). */
    List<SessionRow> dueOf(UUID accountId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM sessions
                        WHERE account_id = :account AND state = 'LIVE' AND expires_at <= :now
                        FOR UPDATE""")
                .param("account", accountId)
                .param("now", Timestamp.from(now))
                .query(this::row)
                .list();
    }

    /**
     * Claims up to {@code limit} live sessions past their expiry, locked, skipping rows another transaction holds, so
     * sweepers on several instances never wait for or double-end each other.
     */
    List<SessionRow> claimDue(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM sessions
                        WHERE state = 'LIVE' AND expires_at <= :now
                        ORDER BY expires_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    void insert(SessionRow session) {
        jdbc.sql("""
                        INSERT INTO sessions (id, account_id, profile_id, title_id, title_name, origin_version,
                                              episode_id, duration_millis, device_class, max_height, codecs,
                                              renditions, edges, token_expires_at, client_address, idempotency_key,
                                              state, started_at, last_heartbeat_at, expires_at, ended_at,
                                              position_millis)
                        VALUES (:id, :account, :profile, :title, :titleName, :version, :episode, :duration,
                                :deviceClass, :maxHeight, :codecs, CAST(:renditions AS jsonb), CAST(:edges AS jsonb),
                                :tokenExpiresAt, :clientAddress, :idempotencyKey, :state, :startedAt,
                                :lastHeartbeatAt, :expiresAt, :endedAt, :position)""")
                .param("id", session.id())
                .param("account", session.accountId())
                .param("profile", session.profileId())
                .param("title", session.titleId())
                .param("titleName", session.titleName())
                .param("version", session.originVersion())
                .param("episode", session.episodeId())
                .param("duration", session.durationMillis())
                .param("deviceClass", session.device().deviceClass().label())
                .param("maxHeight", session.device().maxHeight())
                .param("codecs", session.device().codecs().stream().sorted().toArray(String[]::new))
                .param("renditions", json.writeValueAsString(session.renditions()))
                .param("edges", json.writeValueAsString(session.edges()))
                .param("tokenExpiresAt", Timestamp.from(session.tokenExpiresAt()))
                .param("clientAddress", session.clientAddress())
                .param("idempotencyKey", session.idempotencyKey())
                .param("state", session.state().name())
                .param("startedAt", Timestamp.from(session.startedAt()))
                .param("lastHeartbeatAt", Timestamp.from(session.lastHeartbeatAt()))
                .param("expiresAt", Timestamp.from(session.expiresAt()))
                .param("endedAt", session.endedAt() == null ? null : Timestamp.from(session.endedAt()))
                .param("position", session.positionMillis())
                .update();
    }

    void heartbeat(UUID id, Instant now, Instant expiresAt, long positionMillis) {
        jdbc.sql("""
                        UPDATE sessions
                           SET last_heartbeat_at = :now, expires_at = :expiresAt, position_millis = :position
                         WHERE id = :id""")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(expiresAt))
                .param("position", positionMillis)
                .update();
    }

    void end(UUID id, SessionState state, Instant now, long positionMillis) {
        jdbc.sql("""
                        UPDATE sessions
                           SET state = :state, ended_at = :now, position_millis = :position
                         WHERE id = :id AND state = 'LIVE'""")
                .param("id", id)
                .param("state", state.name())
                .param("now", Timestamp.from(now))
                .param("position", positionMillis)
                .update();
    }

    private SessionRow row(ResultSet rs, int rowNum) throws SQLException {
        Set<String> codecs = strings(rs.getArray("codecs"));
        DeviceClass deviceClass = DeviceClass.fromLabel(rs.getString("device_class"))
                .orElseThrow(() -> new IllegalStateException("unknown device class in sessions"));
        Timestamp ended = rs.getTimestamp("ended_at");
        return new SessionRow(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getObject("profile_id", UUID.class),
                rs.getObject("title_id", UUID.class),
                rs.getString("title_name"),
                rs.getString("origin_version"),
                rs.getObject("episode_id", UUID.class),
                rs.getLong("duration_millis"),
                new Device(deviceClass, rs.getInt("max_height"), codecs),
                List.of(json.readValue(rs.getString("renditions"), Rendition[].class)),
                List.of(json.readValue(rs.getString("edges"), EdgeTarget[].class)),
                rs.getTimestamp("token_expires_at").toInstant(),
                rs.getString("client_address"),
                rs.getString("idempotency_key"),
                SessionState.valueOf(rs.getString("state")),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("last_heartbeat_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                ended == null ? null : ended.toInstant(),
                rs.getLong("position_millis"));
    }

    private static Set<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).collect(Collectors.toSet());
    }
}
