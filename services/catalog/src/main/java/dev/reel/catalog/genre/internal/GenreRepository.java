package dev.reel.catalog.genre.internal;

import dev.reel.catalog.genre.Genre;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code genres} table. */
@Repository
class GenreRepository {

    private static final String COLUMNS = "id, name, slug";

    private final JdbcClient jdbc;

    GenreRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Genre> page(long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM genres ORDER BY lower(name), id OFFSET :offset LIMIT :limit")
                .param("offset", offset)
                .param("limit", limit)
                .query(GenreRepository::map)
                .list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM genres").query(Long.class).single();
    }

    Optional<Genre> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM genres WHERE id = :id")
                .param("id", id)
                .query(GenreRepository::map)
                .optional();
    }

    Optional<Genre> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM genres WHERE slug = :slug")
                .param("slug", slug)
                .query(GenreRepository::map)
                .optional();
    }

    List<Genre> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM genres WHERE id IN (:ids)")
                .param("ids", ids)
                .query(GenreRepository::map)
                .list();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the name or slug is taken */
    void insert(Genre genre, Instant createdAt) {
        jdbc.sql("INSERT INTO genres (id, name, slug, created_at) VALUES (:id, :name, :slug, :createdAt)")
                .param("id", genre.id())
                .param("name", genre.name())
                .param("slug", genre.slug())
                .param("createdAt", Timestamp.from(createdAt))
                .update();
    }

    /**
     * @return whether the genre existed
     * @throws org.springframework.dao.DuplicateKeyException when the name or slug is taken
     */
    boolean update(Genre genre) {
        return jdbc.sql("UPDATE genres SET name = :name, slug = :slug WHERE id = :id")
                        .param("id", genre.id())
                        .param("name", genre.name())
                        .param("slug", genre.slug())
                        .update()
                > 0;
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM genres WHERE id = :id").param("id", id).update();
    }

    private static Genre map(ResultSet rs, int row) throws SQLException {
        return new Genre(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"));
    }
}
