package dev.reel.catalog.title.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code title_media} table and the {@code consumed_events} ledger of applied event ids. */
@Repository
class MediaRepository {

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
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

    Optional<EncodedMedia> find(UUID titleId) {
        return jdbc.sql("SELECT * FROM title_media WHERE title_id = :id")
                .param("id", titleId)
                .query(MediaRepository::map)
                .optional();
    }

    /** Inserts or replaces the media of {@code media.titleId()}. */
    void save(EncodedMedia media) {
        jdbc.sql("""
                        INSERT INTO title_media (title_id, job_id, event_id, completed_at, origin_version,
                            duration_millis, ladder_kind, max_height, codecs, audio_languages, subtitle_languages)
                        VALUES (:title, :job, :event, :completedAt, :originVersion, :durationMillis, :ladderKind,
                            :maxHeight, :codecs, :audio, :subtitles)
                        ON CONFLICT (title_id) DO UPDATE SET job_id = EXCLUDED.job_id, event_id = EXCLUDED.event_id,
                            completed_at = EXCLUDED.completed_at, origin_version = EXCLUDED.origin_version,
                            duration_millis = EXCLUDED.duration_millis, ladder_kind = EXCLUDED.ladder_kind,
                            max_height = EXCLUDED.max_height, codecs = EXCLUDED.codecs,
                            audio_languages = EXCLUDED.audio_languages, subtitle_languages = EXCLUDED.subtitle_languages
                        """)
                .param("title", media.titleId())
                .param("job", media.jobId())
                .param("event", media.eventId())
                .param("completedAt", Timestamp.from(media.completedAt()))
                .param("originVersion", media.originVersion())
                .param("durationMillis", media.durationMillis())
                .param("ladderKind", media.ladderKind())
                .param("maxHeight", media.maxHeight())
                .param("codecs", media.codecs().toArray(String[]::new))
                .param("audio", media.audioLanguages().toArray(String[]::new))
                .param("subtitles", media.subtitleLanguages().toArray(String[]::new))
                .update();
    }

    private static EncodedMedia map(ResultSet rs, int row) throws SQLException {
        return new EncodedMedia(
                rs.getObject("title_id", UUID.class),
                rs.getObject("job_id", UUID.class),
                rs.getObject("event_id", UUID.class),
                rs.getTimestamp("completed_at").toInstant(),
                rs.getString("origin_version"),
                rs.getLong("duration_millis"),
                rs.getString("ladder_kind"),
                rs.getInt("max_height"),
                strings(rs.getArray("codecs")),
                strings(rs.getArray("audio_languages")),
                strings(rs.getArray("subtitle_languages")));
    }

    private static List<String> strings(Array array) throws SQLException {
        try {
            return Arrays.stream((Object[]) array.getArray())
                    .map(String::valueOf)
                    .toList();
        } finally {
            array.free();
        }
    }
}
