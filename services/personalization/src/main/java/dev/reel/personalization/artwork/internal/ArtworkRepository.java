package dev.reel.personalization.artwork.internal;

import dev.reel.personalization.artwork.ThompsonSampling;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code artwork_stats} table and the {@code consumed_events} ledger. */
@Repository
class ArtworkRepository {

    private final JdbcClient jdbc;

    ArtworkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when {@code eventId} was applied before (a redelivery): the caller must change nothing */
    boolean markConsumed(UUID eventId, String eventType) {
        return jdbc.sql("""
                        INSERT INTO consumed_events (event_id, event_type) VALUES (:id, :type)
                        ON CONFLICT (event_id) DO NOTHING
                        """).param("id", eventId).param("type", eventType).update() == 1;
    }

    void add(UUID titleId, String artworkUrl, long impressions, long clicks) {
        jdbc.sql("""
                        INSERT INTO artwork_stats (title_id, artwork_url, impressions, clicks)
                        VALUES (:title, :url, :impressions, :clicks)
                        ON CONFLICT (title_id, artwork_url) DO UPDATE SET
                            impressions = artwork_stats.impressions + EXCLUDED.impressions,
                            clicks = artwork_stats.clicks + EXCLUDED.clicks
                        """)
                .param("title", titleId)
                .param("url", artworkUrl)
                .param("impressions", impressions)
                .param("clicks", clicks)
                .update();
    }

    /** Every count, by title and artwork. */
    Map<UUID, Map<String, ThompsonSampling.Arm>> all() {
        Map<UUID, Map<String, ThompsonSampling.Arm>> all = new HashMap<>();
        jdbc.sql("SELECT * FROM artwork_stats").query(rs -> {
            all.computeIfAbsent(rs.getObject("title_id", UUID.class), id -> new HashMap<>())
                    .put(
                            rs.getString("artwork_url"),
                            new ThompsonSampling.Arm(rs.getLong("impressions"), rs.getLong("clicks")));
        });
        return all;
    }
}
