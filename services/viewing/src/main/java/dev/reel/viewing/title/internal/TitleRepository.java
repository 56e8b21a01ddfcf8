package dev.reel.viewing.title.internal;

import dev.reel.viewing.title.Episode;
import dev.reel.viewing.title.TitleInfo;
import dev.reel.viewing.title.Titles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code titles} table (one row per title, by key) and the {@code consumed_events} ledger for catalog events. */
@Repository
class TitleRepository implements Titles {

    private static final TypeReference<List<Episode>> EPISODES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TitleRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TitleInfo> find(UUID titleId) {
        return jdbc.sql("SELECT * FROM titles WHERE title_id = :id")
                .param("id", titleId)
                .query(this::title)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, TitleInfo> findAll(Collection<UUID> titleIds) {
        if (titleIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT * FROM titles WHERE title_id IN (:ids)")
                .param("ids", List.copyOf(titleIds))
                .query(this::title)
                .list()
                .stream()
                .collect(Collectors.toUnmodifiableMap(TitleInfo::titleId, Function.identity()));
    }

    /**
     * Applies one catalog event in one transaction: the ledger, then the snapshot when it is newer.
     *
     * @return false when the event was applied before or its snapshot is not newer than the stored one
     */
    @Transactional
    boolean apply(UUID eventId, String eventType, TitleInfo title) {
        return markConsumed(eventId, eventType) && save(title);
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

    /**
     * Inserts the title or replaces it with a newer snapshot.
     *
     * @return false when the stored snapshot is as new or newer (nothing changed)
     */
    boolean save(TitleInfo title) {
        return jdbc.sql("""
                        INSERT INTO titles (title_id, type, name, maturity, runtime_minutes, published, episodes,
                            snapshot_at)
                        VALUES (:id, :type, :name, :maturity, :runtime, :published, CAST(:episodes AS JSONB), :at)
                        ON CONFLICT (title_id) DO UPDATE SET type = EXCLUDED.type, name = EXCLUDED.name,
                            maturity = EXCLUDED.maturity, runtime_minutes = EXCLUDED.runtime_minutes,
                            published = EXCLUDED.published, episodes = EXCLUDED.episodes,
                            snapshot_at = EXCLUDED.snapshot_at
                        WHERE titles.snapshot_at < EXCLUDED.snapshot_at
                        """)
                        .param("id", title.titleId())
                        .param("type", title.type())
                        .param("name", title.name())
                        .param("maturity", title.maturity())
                        .param("runtime", title.runtimeMinutes())
                        .param("published", title.published())
                        .param("episodes", json.writeValueAsString(title.episodes()))
                        .param("at", Timestamp.from(title.snapshotAt()))
                        .update()
                == 1;
    }

    private TitleInfo title(ResultSet rs, int n) throws SQLException {
        int minutes = rs.getInt("runtime_minutes");
        Integer runtime = rs.wasNull() ? null : minutes;
        return new TitleInfo(
                rs.getObject("title_id", UUID.class),
                rs.getString("type"),
                rs.getString("name"),
                rs.getString("maturity"),
                runtime,
                rs.getBoolean("published"),
                json.readValue(rs.getString("episodes"), EPISODES),
                rs.getTimestamp("snapshot_at").toInstant());
    }
}
