package dev.reel.personalization.catalog.internal;

import dev.reel.events.Maturity;
import dev.reel.events.catalog.TitleSnapshot;
import dev.reel.personalization.catalog.TitleView;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code titles} table and the {@code consumed_events} ledger. */
@Repository
class TitleRepository {

    /** What identifies the table's content: any insert, update or delete changes it. */
    record Version(long count, Instant lastChange) {}

    private final JdbcClient jdbc;

    TitleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when {@code eventId} was applied before (a redelivery): the caller must change nothing */
    boolean markConsumed(UUID eventId, String eventType) {
        return jdbc.sql("""
                        INSERT INTO consumed_events (event_id, event_type) VALUES (:id, :type)
                        ON CONFLICT (event_id) DO NOTHING
                        """).param("id", eventId).param("type", eventType).update() == 1;
    }

    /** Stores the snapshot unless the stored one comes from a later event. */
    void upsert(TitleSnapshot title, Instant occurredAt) {
        jdbc.sql("""
                        INSERT INTO titles (title_id, type, name, year, runtime_minutes, maturity, genres, artwork_urls,
                            published, published_at, playable, occurred_at, changed_at)
                        VALUES (:id, :type, :name, :year, :runtime, :maturity, :genres, :artworks, :published,
                            :publishedAt, :playable, :occurredAt, clock_timestamp())
                        ON CONFLICT (title_id) DO UPDATE SET type = EXCLUDED.type, name = EXCLUDED.name,
                            year = EXCLUDED.year, runtime_minutes = EXCLUDED.runtime_minutes,
                            maturity = EXCLUDED.maturity, genres = EXCLUDED.genres,
                            artwork_urls = EXCLUDED.artwork_urls, published = EXCLUDED.published,
                            published_at = EXCLUDED.published_at, playable = EXCLUDED.playable,
                            occurred_at = EXCLUDED.occurred_at, changed_at = clock_timestamp()
                        WHERE titles.occurred_at <= EXCLUDED.occurred_at
                        """)
                .param("id", title.titleId())
                .param("type", title.type())
                .param("name", title.name())
                .param("year", title.year())
                .param("runtime", title.runtimeMinutes())
                .param("maturity", title.maturity())
                .param("genres", title.genres().toArray(String[]::new))
                .param("artworks", title.artworkUrls().toArray(String[]::new))
                .param("published", title.published())
                .param("publishedAt", title.publishedAt() == null ? null : Timestamp.from(title.publishedAt()))
                .param("playable", title.playable())
                .param("occurredAt", Timestamp.from(occurredAt))
                .update();
    }

    Version version() {
        return jdbc.sql("SELECT count(*) AS n, max(changed_at) AS last FROM titles")
                .query((rs, n) -> {
                    Timestamp last = rs.getTimestamp("last");
                    return new Version(rs.getLong("n"), last == null ? Instant.EPOCH : last.toInstant());
                })
                .single();
    }

    List<TitleView> published() {
        return jdbc.sql("SELECT * FROM titles WHERE published")
                .query(TitleRepository::view)
                .list();
    }

    /** An unknown maturity label fails safe to 18+. */
    private static TitleView view(ResultSet rs, int n) throws SQLException {
        Timestamp publishedAt = rs.getTimestamp("published_at");
        int runtime = rs.getInt("runtime_minutes");
        Integer runtimeMinutes = rs.wasNull() ? null : runtime;
        return new TitleView(
                rs.getObject("title_id", UUID.class),
                rs.getString("type"),
                rs.getString("name"),
                rs.getInt("year"),
                Maturity.fromLabel(rs.getString("maturity")).orElse(Maturity.EIGHTEEN_PLUS),
                strings(rs.getArray("genres")),
                strings(rs.getArray("artwork_urls")),
                publishedAt == null ? null : publishedAt.toInstant(),
                rs.getBoolean("playable"),
                runtimeMinutes);
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
