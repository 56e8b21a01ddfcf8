package dev.reel.catalog.title.internal;

import dev.reel.catalog.title.Artwork;
import dev.reel.catalog.title.ArtworkKind;
import dev.reel.catalog.title.Episode;
import dev.reel.catalog.title.Season;
import dev.reel.catalog.title.TitleState;
import dev.reel.catalog.title.TitleType;
import dev.reel.events.Maturity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code titles} table and its children (genres, cast, artworks, seasons, episodes). */
@Repository
class TitleRepository {

    private static final String COLUMNS = "t.id, t.type, t.name, t.synopsis, t.release_year, t.runtime_minutes,"
            + " t.maturity, t.state, t.playable, t.created_at, t.updated_at, t.published_at, t.version";

    /** Newest published first, then newest created, then id: total, so pages never overlap or skip. */
    private static final String BROWSE_ORDER = " ORDER BY t.published_at DESC NULLS LAST, t.created_at DESC, t.id";

    private final JdbcClient jdbc;

    TitleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A browse filter; null members do not filter. */
    record Browse(@Nullable UUID genreId, @Nullable TitleState state, Set<Maturity> maturities) {}

    List<TitleRow> page(Browse browse, long offset, int limit) {
        var sql =
                "SELECT " + COLUMNS + " FROM titles t" + where(browse) + BROWSE_ORDER + " OFFSET :offset LIMIT :limit";
        return bind(jdbc.sql(sql), browse)
                .param("offset", offset)
                .param("limit", limit)
                .query(TitleRepository::mapTitle)
                .list();
    }

    long count(Browse browse) {
        return bind(jdbc.sql("SELECT count(*) FROM titles t" + where(browse)), browse)
                .query(Long.class)
                .single();
    }

    private static String where(Browse browse) {
        var where = new StringBuilder(" WHERE t.maturity IN (:maturities)");
        if (browse.state() != null) {
            where.append(" AND t.state = :state");
        }
        if (browse.genreId() != null) {
            where.append(
                    " AND EXISTS (SELECT 1 FROM title_genres tg WHERE tg.title_id = t.id AND tg.genre_id = :genre)");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Browse browse) {
        // An empty IN list is not valid SQL; no rating can match a null maturity, so this selects nothing.
        var maturities = browse.maturities().isEmpty()
                ? List.of("")
                : browse.maturities().stream().map(Enum::name).toList();
        spec = spec.param("maturities", maturities);
        if (browse.state() != null) {
            spec = spec.param("state", browse.state().name());
        }
        if (browse.genreId() != null) {
            spec = spec.param("genre", browse.genreId());
        }
        return spec;
    }

    Optional<TitleRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM titles t WHERE t.id = :id")
                .param("id", id)
                .query(TitleRepository::mapTitle)
                .optional();
    }

    /** Reads and locks the row until the transaction ends, serialising writers of one title. */
    Optional<TitleRow> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM titles t WHERE t.id = :id FOR UPDATE")
                .param("id", id)
                .query(TitleRepository::mapTitle)
                .optional();
    }

    void insert(TitleRow row) {
        jdbc.sql("""
                        INSERT INTO titles (id, type, name, synopsis, release_year, runtime_minutes, maturity, state,
                                            playable, created_at, updated_at, published_at, version)
                        VALUES (:id, :type, :name, :synopsis, :year, :runtime, :maturity, :state,
                                :playable, :createdAt, :updatedAt, :publishedAt, :version)
                        """).paramSource(params(row)).update();
    }

    /**
     * Writes {@code row} if the stored version is still {@code expectedVersion}.
     *
     * @return whether the row was written
     */
    boolean update(TitleRow row, long expectedVersion) {
        return jdbc.sql("""
                                UPDATE titles SET type = :type, name = :name, synopsis = :synopsis,
                                    release_year = :year, runtime_minutes = :runtime, maturity = :maturity,
                                    state = :state, playable = :playable, updated_at = :updatedAt,
                                    published_at = :publishedAt,
                                    version = :version
                                WHERE id = :id AND version = :expectedVersion
                                """)
                        .paramSource(params(row).addValue("expectedVersion", expectedVersion))
                        .update()
                == 1;
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM titles WHERE id = :id").param("id", id).update();
    }

    private static MapSqlParameterSource params(TitleRow row) {
        return new MapSqlParameterSource()
                .addValue("id", row.id())
                .addValue("type", row.type().name())
                .addValue("name", row.name())
                .addValue("synopsis", row.synopsis())
                .addValue("year", row.year())
                .addValue("runtime", row.runtimeMinutes(), Types.INTEGER)
                .addValue("maturity", row.maturity().name())
                .addValue("state", row.state().name())
                .addValue("playable", row.playable())
                .addValue("createdAt", Timestamp.from(row.createdAt()))
                .addValue("updatedAt", Timestamp.from(row.updatedAt()))
                .addValue(
                        "publishedAt",
                        row.publishedAt() == null ? null : Timestamp.from(row.publishedAt()),
                        Types.TIMESTAMP)
                .addValue("version", row.version());
    }

    // --- genres ---------------------------------------------------------------------------------------------------

    void replaceGenres(UUID titleId, List<UUID> genreIds) {
        jdbc.sql("DELETE FROM title_genres WHERE title_id = :id")
                .param("id", titleId)
                .update();
        for (int i = 0; i < genreIds.size(); i++) {
            jdbc.sql("INSERT INTO title_genres (title_id, genre_id, ordinal) VALUES (:title, :genre, :ordinal)")
                    .param("title", titleId)
                    .param("genre", genreIds.get(i))
                    .param("ordinal", i)
                    .update();
        }
    }

    /** Genre ids per title, in the order the admin listed them; titles without genres are absent. */
    Map<UUID, List<UUID>> genreIds(Collection<UUID> titleIds) {
        var result = new LinkedHashMap<UUID, List<UUID>>();
        if (titleIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT title_id, genre_id FROM title_genres WHERE title_id IN (:ids) ORDER BY title_id, ordinal")
                .param("ids", titleIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject("title_id", UUID.class), k -> new ArrayList<>())
                            .add(rs.getObject("genre_id", UUID.class));
                });
        return result;
    }

    /** Ids of the titles filed under a genre, optionally only those in one state. */
    List<UUID> titlesInGenre(UUID genreId, @Nullable TitleState state) {
        var sql = "SELECT tg.title_id FROM title_genres tg JOIN titles t ON t.id = tg.title_id"
                + " WHERE tg.genre_id = :genre" + (state == null ? "" : " AND t.state = :state")
                + " ORDER BY tg.title_id";
        var spec = jdbc.sql(sql).param("genre", genreId);
        if (state != null) {
            spec = spec.param("state", state.name());
        }
        return spec.query(UUID.class).list();
    }

    void detachGenre(UUID genreId) {
        jdbc.sql("DELETE FROM title_genres WHERE genre_id = :genre")
                .param("genre", genreId)
                .update();
    }

    // --- cast -----------------------------------------------------------------------------------------------------

    void replaceCast(UUID titleId, List<String> cast) {
        jdbc.sql("DELETE FROM title_cast WHERE title_id = :id")
                .param("id", titleId)
                .update();
        for (int i = 0; i < cast.size(); i++) {
            jdbc.sql("INSERT INTO title_cast (title_id, ordinal, name) VALUES (:title, :ordinal, :name)")
                    .param("title", titleId)
                    .param("ordinal", i)
                    .param("name", cast.get(i))
                    .update();
        }
    }

    List<String> cast(UUID titleId) {
        return jdbc.sql("SELECT name FROM title_cast WHERE title_id = :id ORDER BY ordinal")
                .param("id", titleId)
                .query(String.class)
                .list();
    }

    // --- artworks -------------------------------------------------------------------------------------------------

    void replaceArtworks(UUID titleId, List<ValidTitle.ValidArtwork> artworks) {
        jdbc.sql("DELETE FROM artworks WHERE title_id = :id")
                .param("id", titleId)
                .update();
        for (int i = 0; i < artworks.size(); i++) {
            ValidTitle.ValidArtwork artwork = artworks.get(i);
            jdbc.sql("""
                            INSERT INTO artworks (id, title_id, kind, url, width, height, ordinal)
                            VALUES (:id, :title, :kind, :url, :width, :height, :ordinal)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("title", titleId)
                    .param("kind", artwork.kind().name())
                    .param("url", artwork.url())
                    .param("width", artwork.width(), Types.INTEGER)
                    .param("height", artwork.height(), Types.INTEGER)
                    .param("ordinal", i)
                    .update();
        }
    }

    /** Artworks per title in display order; titles without artwork are absent. */
    Map<UUID, List<Artwork>> artworks(Collection<UUID> titleIds) {
        var result = new LinkedHashMap<UUID, List<Artwork>>();
        if (titleIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        SELECT id, title_id, kind, url, width, height FROM artworks
                        WHERE title_id IN (:ids) ORDER BY title_id, ordinal
                        """).param("ids", titleIds).query(rs -> {
            result.computeIfAbsent(rs.getObject("title_id", UUID.class), k -> new ArrayList<>())
                    .add(new Artwork(
                            rs.getObject("id", UUID.class),
                            ArtworkKind.valueOf(rs.getString("kind")),
                            rs.getString("url"),
                            rs.getObject("width", Integer.class),
                            rs.getObject("height", Integer.class)));
        });
        return result;
    }

    // --- seasons and episodes -------------------------------------------------------------------------------------

    /** @throws org.springframework.dao.DuplicateKeyException when the season number exists */
    void insertSeason(UUID titleId, int number, @Nullable String name) {
        jdbc.sql("INSERT INTO seasons (title_id, number, name) VALUES (:title, :number, :name)")
                .param("title", titleId)
                .param("number", number)
                .param("name", name, Types.VARCHAR)
                .update();
    }

    boolean seasonExists(UUID titleId, int number) {
        return jdbc.sql("SELECT count(*) FROM seasons WHERE title_id = :title AND number = :number")
                        .param("title", titleId)
                        .param("number", number)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean hasSeasons(UUID titleId) {
        return jdbc.sql("SELECT count(*) FROM seasons WHERE title_id = :title")
                        .param("title", titleId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long episodeCount(UUID titleId) {
        return jdbc.sql("SELECT count(*) FROM episodes WHERE title_id = :title")
                .param("title", titleId)
                .query(Long.class)
                .single();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the episode number exists in the season */
    void insertEpisode(UUID titleId, Episode episode) {
        jdbc.sql("""
                        INSERT INTO episodes (id, title_id, season_number, number, name, synopsis, runtime_minutes)
                        VALUES (:id, :title, :season, :number, :name, :synopsis, :runtime)
                        """)
                .param("id", episode.id())
                .param("title", titleId)
                .param("season", episode.seasonNumber())
                .param("number", episode.number())
                .param("name", episode.name())
                .param("synopsis", episode.synopsis())
                .param("runtime", episode.runtimeMinutes())
                .update();
    }

    /** Seasons by number, each with its episodes by number. */
    List<Season> seasons(UUID titleId) {
        var episodes = new LinkedHashMap<Integer, List<Episode>>();
        jdbc.sql("""
                        SELECT id, season_number, number, name, synopsis, runtime_minutes FROM episodes
                        WHERE title_id = :title ORDER BY season_number, number
                        """).param("title", titleId).query(rs -> {
            var episode = new Episode(
                    rs.getObject("id", UUID.class),
                    rs.getInt("season_number"),
                    rs.getInt("number"),
                    rs.getString("name"),
                    rs.getString("synopsis"),
                    rs.getInt("runtime_minutes"));
            episodes.computeIfAbsent(episode.seasonNumber(), k -> new ArrayList<>())
                    .add(episode);
        });
        return jdbc.sql("SELECT number, name FROM seasons WHERE title_id = :title ORDER BY number")
                .param("title", titleId)
                .query((rs, row) -> new Season(
                        rs.getInt("number"),
                        rs.getString("name"),
                        List.copyOf(episodes.getOrDefault(rs.getInt("number"), List.of()))))
                .list();
    }

    private static TitleRow mapTitle(ResultSet rs, int row) throws SQLException {
        return new TitleRow(
                rs.getObject("id", UUID.class),
                TitleType.valueOf(rs.getString("type")),
                rs.getString("name"),
                rs.getString("synopsis"),
                rs.getInt("release_year"),
                rs.getObject("runtime_minutes", Integer.class),
                Maturity.valueOf(rs.getString("maturity")),
                TitleState.valueOf(rs.getString("state")),
                rs.getBoolean("playable"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                nullableInstant(rs, "published_at"),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Instant value = nullableInstant(rs, column);
        if (value == null) {
            throw new SQLException("Column " + column + " is null");
        }
        return value;
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
