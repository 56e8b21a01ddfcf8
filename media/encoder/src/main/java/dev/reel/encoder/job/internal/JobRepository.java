package dev.reel.encoder.job.internal;

import dev.reel.encoder.job.JobRequest;
import dev.reel.encoder.job.JobRequest.EncodingProfile;
import dev.reel.encoder.job.JobRequest.LadderMode;
import dev.reel.encoder.job.JobState;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code jobs}. Times come from the database clock, so every instance agrees on them. */
@Repository
class JobRepository {

    private static final String COLUMNS = """
            id, title_id, upload_id, master_path, ladder_mode, profile, state, percent, eta_seconds, announced_percent,
            failed_stage, failure_reason, attempt, media_info::text AS media_info, ladder::text AS ladder,
            fixed_ladder::text AS fixed_ladder, chunk_plan::text AS chunk_plan, result::text AS result, requested_by,
            created_at, started_at, stage_started_at, updated_at, finished_at, now() AS db_now
            """;

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, JobRequest request) {
        jdbc.sql("""
                INSERT INTO jobs (id, title_id, upload_id, master_path, ladder_mode, profile, state, requested_by)
                VALUES (:id, :titleId, :uploadId, :master, :mode, :profile, 'QUEUED', :requestedBy)
                """)
                .param("id", id)
                .param("titleId", request.titleId())
                .param("uploadId", request.uploadId())
                .param("master", request.master().toAbsolutePath().normalize().toString())
                .param("mode", request.ladder().name())
                .param("profile", request.profile().name())
                .param("requestedBy", request.requestedBy())
                .update();
    }

    Optional<JobRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE id = :id")
                .param("id", id)
                .query(JobRepository::row)
                .optional();
    }

    /** The job, locked until the transaction ends; the caller must be in one. */
    Optional<JobRow> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(JobRepository::row)
                .optional();
    }

    List<JobRow> list(@Nullable UUID titleId, @Nullable JobState state, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs" + where(titleId, state)
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("titleId", titleId)
                .param("state", state == null ? null : state.name())
                .param("limit", limit)
                .param("offset", offset)
                .query(JobRepository::row)
                .list();
    }

    long count(@Nullable UUID titleId, @Nullable JobState state) {
        return jdbc.sql("SELECT count(*) FROM jobs" + where(titleId, state))
                .param("titleId", titleId)
                .param("state", state == null ? null : state.name())
                .query(Long.class)
                .single();
    }

    private static String where(@Nullable UUID titleId, @Nullable JobState state) {
        if (titleId != null && state != null) {
            return " WHERE title_id = :titleId AND state = :state";
        }
        if (titleId != null) {
            return " WHERE title_id = :titleId";
        }
        if (state != null) {
            return " WHERE state = :state";
        }
        return "";
    }

    /** QUEUED → ANALYSING when its first task is claimed; false if the job had already started. */
    boolean markStarted(UUID id) {
        return jdbc.sql("""
                        UPDATE jobs SET state = 'ANALYSING', started_at = now(), stage_started_at = now(),
                               updated_at = now()
                        WHERE id = :id AND state = 'QUEUED'
                        """).param("id", id).update() == 1;
    }

    void storeAnalysis(UUID id, String mediaInfo, String ladder, String fixedLadder, String chunkPlan) {
        jdbc.sql("""
                UPDATE jobs SET media_info = CAST(:mediaInfo AS jsonb), ladder = CAST(:ladder AS jsonb),
                       fixed_ladder = CAST(:fixed AS jsonb), chunk_plan = CAST(:chunks AS jsonb), updated_at = now()
                WHERE id = :id
                """)
                .param("id", id)
                .param("mediaInfo", mediaInfo)
                .param("ladder", ladder)
                .param("fixed", fixedLadder)
                .param("chunks", chunkPlan)
                .update();
    }

    /** Moves to the next working stage, starting its clock. */
    void enterStage(UUID id, JobState stage, int percent, @Nullable Long eta, int announcedPercent) {
        jdbc.sql("""
                UPDATE jobs SET state = :state, percent = :percent, eta_seconds = :eta,
                       announced_percent = :announced, stage_started_at = now(), updated_at = now()
                WHERE id = :id
                """)
                .param("id", id)
                .param("state", stage.name())
                .param("percent", percent)
                .param("eta", eta)
                .param("announced", announcedPercent)
                .update();
    }

    void updateProgress(UUID id, int percent, @Nullable Long eta, int announcedPercent) {
        jdbc.sql("""
                UPDATE jobs SET percent = :percent, eta_seconds = :eta, announced_percent = :announced,
                       updated_at = now()
                WHERE id = :id
                """)
                .param("id", id)
                .param("percent", percent)
                .param("eta", eta)
                .param("announced", announcedPercent)
                .update();
    }

    void finish(UUID id, String result) {
        jdbc.sql("""
                UPDATE jobs SET state = 'DONE', percent = 100, eta_seconds = 0, announced_percent = 100,
                       result = CAST(:result AS jsonb), finished_at = now(), updated_at = now()
                WHERE id = :id
                """).param("id", id).param("result", result).update();
    }

    void fail(UUID id, JobState stage, String reason) {
        jdbc.sql("""
                UPDATE jobs SET state = 'FAILED', failed_stage = :stage, failure_reason = :reason, eta_seconds = NULL,
                       finished_at = now(), updated_at = now()
                WHERE id = :id
                """)
                .param("id", id)
                .param("stage", stage.name())
                .param("reason", reason)
                .update();
    }

    /** FAILED → the failed stage, counting the attempt. */
    void resume(UUID id, JobState stage) {
        jdbc.sql("""
                UPDATE jobs SET state = :stage, failed_stage = NULL, failure_reason = NULL, attempt = attempt + 1,
                       finished_at = NULL, started_at = coalesce(started_at, now()), stage_started_at = now(),
                       updated_at = now()
                WHERE id = :id
                """).param("id", id).param("stage", stage.name()).update();
    }

    private static JobRow row(ResultSet rs, int rowNum) throws SQLException {
        String failedStage = rs.getString("failed_stage");
        long eta = rs.getLong("eta_seconds");
        Long etaSeconds = rs.wasNull() ? null : eta;
        return new JobRow(
                rs.getObject("id", UUID.class),
                rs.getObject("title_id", UUID.class),
                rs.getObject("upload_id", UUID.class),
                Path.of(rs.getString("master_path")),
                LadderMode.valueOf(rs.getString("ladder_mode")),
                EncodingProfile.valueOf(rs.getString("profile")),
                JobState.valueOf(rs.getString("state")),
                rs.getInt("percent"),
                etaSeconds,
                rs.getInt("announced_percent"),
                failedStage == null ? null : JobState.valueOf(failedStage),
                rs.getString("failure_reason"),
                rs.getInt("attempt"),
                rs.getString("media_info"),
                rs.getString("ladder"),
                rs.getString("fixed_ladder"),
                rs.getString("chunk_plan"),
                rs.getString("result"),
                rs.getObject("requested_by", UUID.class),
                instant(rs, "created_at"),
                nullableInstant(rs, "started_at"),
                nullableInstant(rs, "stage_started_at"),
                instant(rs, "updated_at"),
                nullableInstant(rs, "finished_at"),
                instant(rs, "db_now"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Instant value = nullableInstant(rs, column);
        if (value == null) {
            throw new SQLException(column + " is null");
        }
        return value;
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
