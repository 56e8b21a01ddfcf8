package dev.reel.personalization.model.internal;

import dev.reel.personalization.model.TrainedModel;
import dev.reel.recs.AlsModel;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code models} table and the trainer's advisory lock. */
@Repository
class ModelRepository {

    /** The transaction-scoped advisory lock only one trainer holds ("RECSTRAN"). */
    static final long TRAINER_LOCK = 0x5245435354524149L;

    /** Models kept; older ones are deleted after a new one is stored. */
    static final int KEEP = 3;

    /** The newest model's header. */
    record Latest(UUID modelId, @Nullable Instant sourceChangedAt) {}

    private final JdbcClient jdbc;

    ModelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the trainer lock for the current transaction; false when another transaction holds it. */
    boolean tryLock() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                .param("lock", TRAINER_LOCK)
                .query(Boolean.class)
                .single());
    }

    Optional<Latest> latest() {
        return jdbc.sql("SELECT model_id, source_changed_at FROM models ORDER BY trained_at DESC LIMIT 1")
                .query((rs, n) -> {
                    Timestamp source = rs.getTimestamp("source_changed_at");
                    return new Latest(rs.getObject("model_id", UUID.class), source == null ? null : source.toInstant());
                })
                .optional();
    }

    Optional<TrainedModel> load(UUID modelId) {
        return jdbc.sql("SELECT * FROM models WHERE model_id = :id")
                .param("id", modelId)
                .query((rs, n) -> new TrainedModel(
                        rs.getObject("model_id", UUID.class),
                        rs.getTimestamp("trained_at").toInstant(),
                        AlsModel.fromBytes(rs.getBytes("factors")),
                        uuids(rs.getArray("profile_ids")),
                        uuids(rs.getArray("title_ids"))))
                .optional();
    }

    void insert(TrainedModel model, @Nullable Instant sourceChangedAt, int interactions, long trainingMillis) {
        jdbc.sql("""
                        INSERT INTO models (model_id, trained_at, source_changed_at, users, items, interactions,
                            training_millis, profile_ids, title_ids, factors)
                        VALUES (:id, :trainedAt, :source, :users, :items, :interactions, :millis, :profiles, :titles,
                            :factors)
                        """)
                .param("id", model.modelId())
                .param("trainedAt", Timestamp.from(model.trainedAt()))
                .param("source", sourceChangedAt == null ? null : Timestamp.from(sourceChangedAt))
                .param("users", model.als().users())
                .param("items", model.als().items())
                .param("interactions", interactions)
                .param("millis", trainingMillis)
                .param("profiles", model.profiles().toArray(UUID[]::new))
                .param("titles", model.titles().toArray(UUID[]::new))
                .param("factors", model.als().toBytes())
                .update();
        jdbc.sql("""
                        DELETE FROM models WHERE model_id NOT IN
                            (SELECT model_id FROM models ORDER BY trained_at DESC LIMIT :keep)
                        """).param("keep", KEEP).update();
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.asList((UUID[]) array.getArray());
    }
}
