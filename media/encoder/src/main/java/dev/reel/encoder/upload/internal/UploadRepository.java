package dev.reel.encoder.upload.internal;

import dev.reel.encoder.job.JobRequest;
import dev.reel.encoder.upload.UploadState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code uploads} table. The locking reads must run inside a transaction; the row stays locked until it ends.
 */
@Repository
class UploadRepository {

    private static final String COLUMNS = "id, title_id, filename, length, received, state, ladder, profile,"
            + " requested_by, job_id, master_path, rejection, created_at, updated_at, expires_at";

    private final JdbcClient jdbc;

    UploadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UploadRow row) {
        jdbc.sql("INSERT INTO uploads (" + COLUMNS + ") VALUES (:id, :titleId, :filename, :length, :received, :state,"
                        + " :ladder, :profile, :requestedBy, NULL, NULL, NULL, :createdAt, :updatedAt, :expiresAt)")
                .param("id", row.id())
                .param("titleId", row.titleId())
                .param("filename", row.filename())
                .param("length", row.length())
                .param("received", row.received())
                .param("state", row.state().name())
                .param("ladder", row.ladder().name())
                .param("profile", row.profile().name())
                .param("requestedBy", row.requestedBy())
                .param("createdAt", Timestamp.from(row.createdAt()))
                .param("updatedAt", Timestamp.from(row.updatedAt()))
                .param("expiresAt", Timestamp.from(row.expiresAt()))
                .update();
    }

    Optional<UploadRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM uploads WHERE id = :id")
                .param("id", id)
                .query(UploadRepository::map)
                .optional();
    }

    /**
     * The row, locked for this transaction, failing at once when another transaction holds it.
     *
     * @throws org.springframework.dao.DataAccessException with SQL state {@code 55P03} when the row is locked
     */
    Optional<UploadRow> lockNowait(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM uploads WHERE id = :id FOR UPDATE NOWAIT")
                .param("id", id)
                .query(UploadRepository::map)
                .optional();
    }

    /** The row, locked for this transaction, waiting for another transaction that holds it. */
    Optional<UploadRow> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM uploads WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(UploadRepository::map)
                .optional();
    }

    /** The row, locked for this transaction, or empty when it does not exist or another transaction holds it. */
    Optional<UploadRow> lockSkipLocked(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM uploads WHERE id = :id FOR UPDATE SKIP LOCKED")
                .param("id", id)
                .query(UploadRepository::map)
                .optional();
    }

    void updateReceived(UUID id, long received, Instant now, Instant expiresAt) {
        jdbc.sql("UPDATE uploads SET received = :received, updated_at = :now, expires_at = :expiresAt WHERE id = :id")
                .param("id", id)
                .param("received", received)
                .param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    void markComplete(UUID id, UUID jobId, String masterPath, Instant now) {
        jdbc.sql("UPDATE uploads SET state = 'COMPLETE', job_id = :jobId, master_path = :masterPath, updated_at = :now"
                        + " WHERE id = :id AND state = 'RECEIVING'")
                .param("id", id)
                .param("jobId", jobId)
                .param("masterPath", masterPath)
                .param("now", Timestamp.from(now))
                .update();
    }

    void markRejected(UUID id, String reason, Instant now) {
        jdbc.sql("UPDATE uploads SET state = 'REJECTED', rejection = :reason, updated_at = :now"
                        + " WHERE id = :id AND state = 'RECEIVING'")
                .param("id", id)
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM uploads WHERE id = :id").param("id", id).update();
    }

    /** Unfinished uploads whose expiry has passed. */
    List<UUID> expired(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM uploads WHERE state = 'RECEIVING' AND expires_at < :now"
                        + " ORDER BY expires_at LIMIT :limit")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Unfinished uploads that received every byte but were not checked since {@code quietSince}. */
    List<UUID> stalledComplete(Instant quietSince, int limit) {
        return jdbc.sql("SELECT id FROM uploads WHERE state = 'RECEIVING' AND received = length"
                        + " AND updated_at < :quietSince ORDER BY updated_at LIMIT :limit")
                .param("quietSince", Timestamp.from(quietSince))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** The upload's state, or empty when there is no such upload. */
    Optional<UploadState> state(UUID id) {
        return jdbc.sql("SELECT state FROM uploads WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .map(UploadState::valueOf);
    }

    private static UploadRow map(ResultSet rs, int row) throws SQLException {
        return new UploadRow(
                rs.getObject("id", UUID.class),
                rs.getObject("title_id", UUID.class),
                rs.getString("filename"),
                rs.getLong("length"),
                rs.getLong("received"),
                UploadState.valueOf(rs.getString("state")),
                JobRequest.LadderMode.valueOf(rs.getString("ladder")),
                JobRequest.EncodingProfile.valueOf(rs.getString("profile")),
                rs.getObject("requested_by", UUID.class),
                rs.getObject("job_id", UUID.class),
                rs.getString("master_path"),
                rs.getString("rejection"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }
}
