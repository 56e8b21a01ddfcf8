package dev.reel.encoder.job.internal;

import dev.reel.encoder.job.JobState;
import dev.reel.encoder.job.JobView.TaskCounts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable task queue on PostgreSQL. A worker {@link #claim claims} the oldest runnable task with {@code FOR UPDATE
 * SKIP LOCKED}, so concurrent workers on any number of instances never get the same one, and holds it under a lease
 * it {@link #renew renews}. A task whose lease ran out (its worker died) is runnable again and the next claim counts
 * another attempt. Every write after the claim is fenced by (owner, attempt): a worker that lost its lease can no
 * longer renew, complete, fail or hand back the task, so its late result is discarded.
 */
@Repository
class TaskQueue {

    private final JdbcClient jdbc;

    TaskQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds tasks for their stages; a task that already exists (same job, kind, rung, part) is left as it is. */
    void insert(UUID jobId, List<TaskSpec> tasks) {
        for (TaskSpec task : tasks) {
            jdbc.sql("""
                    INSERT INTO tasks (job_id, stage, kind, rung, part, weight)
                    VALUES (:jobId, :stage, :kind, :rung, :part, :weight)
                    ON CONFLICT (job_id, kind, rung, part) DO NOTHING
                    """)
                    .param("jobId", jobId)
                    .param("stage", task.kind().stage().name())
                    .param("kind", task.kind().name())
                    .param("rung", task.rung())
                    .param("part", task.part())
                    .param("weight", task.weight())
                    .update();
        }
    }

    /**
     * Claims the oldest task that is ready (and past its back-off) or whose lease expired, of a job that is still
     * working, for {@code owner} until now + {@code lease}; counts an attempt.
     */
    Optional<ClaimedTask> claim(String owner, Duration lease) {
        return jdbc.sql("""
                        UPDATE tasks SET state = 'RUNNING', lease_owner = :owner,
                               lease_until = now() + :leaseMs * interval '1 millisecond',
                               attempts = attempts + 1, started_at = now(), finished_at = NULL
                        WHERE id = (
                            SELECT t.id FROM tasks t JOIN jobs j ON j.id = t.job_id
                            WHERE j.state NOT IN ('DONE', 'FAILED')
                              AND ((t.state = 'READY' AND t.not_before <= now())
                                   OR (t.state = 'RUNNING' AND t.lease_until < now()))
                            ORDER BY t.id
                            FOR UPDATE OF t SKIP LOCKED
                            LIMIT 1)
                        RETURNING id, job_id, kind, rung, part, attempts
                        """)
                .param("owner", owner)
                .param("leaseMs", lease.toMillis())
                .query((rs, n) -> new ClaimedTask(
                        rs.getLong("id"),
                        rs.getObject("job_id", UUID.class),
                        TaskKind.valueOf(rs.getString("kind")),
                        rs.getInt("rung"),
                        rs.getInt("part"),
                        rs.getInt("attempts"),
                        owner))
                .optional();
    }

    /** Extends the lease; false when the task is no longer this claim's (the lease was lost). */
    boolean renew(ClaimedTask task, Duration lease) {
        return jdbc.sql("""
                        UPDATE tasks SET lease_until = now() + :leaseMs * interval '1 millisecond'
                        WHERE id = :id AND state = 'RUNNING' AND lease_owner = :owner AND attempts = :attempt
                        """)
                        .param("leaseMs", lease.toMillis())
                        .param("id", task.id())
                        .param("owner", task.owner())
                        .param("attempt", task.attempt())
                        .update()
                == 1;
    }

    /** Marks the task done with its output; false (and nothing written) when this claim no longer holds it. */
    boolean complete(ClaimedTask task, String outputJson, long cpuMillis) {
        return jdbc.sql("""
                        UPDATE tasks SET state = 'DONE', output = CAST(:output AS jsonb), cpu_millis = :cpu,
                               error = NULL, lease_until = NULL, finished_at = now()
                        WHERE id = :id AND state = 'RUNNING' AND lease_owner = :owner AND attempts = :attempt
                        """)
                        .param("output", outputJson)
                        .param("cpu", cpuMillis)
                        .param("id", task.id())
                        .param("owner", task.owner())
                        .param("attempt", task.attempt())
                        .update()
                == 1;
    }

    /** Puts a failed task back for another attempt after {@code backoff}; false when this claim no longer holds it. */
    boolean retryLater(ClaimedTask task, Duration backoff, String error) {
        return jdbc.sql("""
                        UPDATE tasks SET state = 'READY', not_before = now() + :backoffMs * interval '1 millisecond',
                               error = :error, lease_owner = NULL, lease_until = NULL, finished_at = now()
                        WHERE id = :id AND state = 'RUNNING' AND lease_owner = :owner AND attempts = :attempt
                        """)
                        .param("backoffMs", backoff.toMillis())
                        .param("error", error)
                        .param("id", task.id())
                        .param("owner", task.owner())
                        .param("attempt", task.attempt())
                        .update()
                == 1;
    }

    /** Gives up on the task; false when this claim no longer holds it. */
    boolean fail(ClaimedTask task, String error) {
        return jdbc.sql("""
                        UPDATE tasks SET state = 'FAILED', error = :error, lease_until = NULL, finished_at = now()
                        WHERE id = :id AND state = 'RUNNING' AND lease_owner = :owner AND attempts = :attempt
                        """)
                        .param("error", error)
                        .param("id", task.id())
                        .param("owner", task.owner())
                        .param("attempt", task.attempt())
                        .update()
                == 1;
    }

    /**
     * Returns a task whose worker is stopping: ready at once, and the interrupted attempt does not count. False when
     * this claim no longer holds it.
     */
    boolean handBack(ClaimedTask task) {
        return jdbc.sql("""
                        UPDATE tasks SET state = 'READY', attempts = greatest(attempts - 1, 0), not_before = now(),
                               lease_owner = NULL, lease_until = NULL
                        WHERE id = :id AND state = 'RUNNING' AND lease_owner = :owner AND attempts = :attempt
                        """)
                        .param("id", task.id())
                        .param("owner", task.owner())
                        .param("attempt", task.attempt())
                        .update()
                == 1;
    }

    /**
     * Queues the job's failed tasks again with fresh attempts, together with running tasks whose lease expired while
     * the job was failed (nobody claims a failed job's tasks).
     */
    int requeueFailed(UUID jobId) {
        return jdbc.sql("""
                        UPDATE tasks SET state = 'READY', attempts = 0, not_before = now(), error = NULL,
                               lease_owner = NULL, lease_until = NULL, finished_at = NULL
                        WHERE job_id = :jobId AND (state = 'FAILED' OR (state = 'RUNNING' AND lease_until < now()))
                        """).param("jobId", jobId).update();
    }

    /**
     * The progress of one stage of a job.
     *
     * @param doneWeight the weight of its finished tasks
     * @param totalWeight the weight of all its tasks
     * @param unfinished how many are not done
     */
    record StageProgress(long doneWeight, long totalWeight, int unfinished) {

        /** Done weight ÷ total weight; 0 for a stage without tasks. */
        double fraction() {
            return totalWeight == 0 ? 0 : (double) doneWeight / totalWeight;
        }
    }

    StageProgress stageProgress(UUID jobId, JobState stage) {
        return jdbc.sql("""
                        SELECT coalesce(sum(weight) FILTER (WHERE state = 'DONE'), 0) AS done_weight,
                               coalesce(sum(weight), 0) AS total_weight,
                               count(*) FILTER (WHERE state <> 'DONE') AS unfinished
                        FROM tasks WHERE job_id = :jobId AND stage = :stage
                        """)
                .param("jobId", jobId)
                .param("stage", stage.name())
                .query((rs, n) -> new StageProgress(
                        rs.getLong("done_weight"), rs.getLong("total_weight"), rs.getInt("unfinished")))
                .single();
    }

    TaskCounts counts(UUID jobId) {
        return jdbc.sql("""
                        SELECT count(*) AS total,
                               count(*) FILTER (WHERE state = 'DONE') AS done,
                               count(*) FILTER (WHERE state = 'RUNNING') AS running,
                               count(*) FILTER (WHERE state = 'FAILED') AS failed,
                               coalesce(sum(cpu_millis) FILTER (WHERE state = 'DONE'), 0) AS cpu_millis
                        FROM tasks WHERE job_id = :jobId
                        """)
                .param("jobId", jobId)
                .query((rs, n) -> new TaskCounts(
                        rs.getInt("total"),
                        rs.getInt("done"),
                        rs.getInt("running"),
                        rs.getInt("failed"),
                        rs.getLong("cpu_millis") / 1000.0))
                .single();
    }

    /**
     * A finished task's output.
     *
     * @param rung the task's rung
     * @param part the task's part
     * @param json its output
     */
    record Output(int rung, int part, String json) {}

    /** The outputs of the job's finished tasks of one kind, by rung and part. */
    List<Output> outputs(UUID jobId, TaskKind kind) {
        return jdbc.sql("""
                        SELECT rung, part, output::text AS output FROM tasks
                        WHERE job_id = :jobId AND kind = :kind AND state = 'DONE' AND output IS NOT NULL
                        ORDER BY rung, part
                        """)
                .param("jobId", jobId)
                .param("kind", kind.name())
                .query((rs, n) -> new Output(rs.getInt("rung"), rs.getInt("part"), rs.getString("output")))
                .list();
    }

    /** The output of the job's one finished task of {@code kind}, or null. */
    @Nullable
    String output(UUID jobId, TaskKind kind) {
        List<Output> outputs = outputs(jobId, kind);
        return outputs.isEmpty() ? null : outputs.getFirst().json();
    }
}
