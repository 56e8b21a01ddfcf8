package dev.reel.catalog.genre;

import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes genres. Failures are {@link dev.reel.kit.web.ProblemException}s carrying the HTTP status. */
public interface Genres {

    /** Genres ordered by name (ignoring case), then id. */
    Page<Genre> list(PageRequest page);

    /**
     * @throws dev.reel.kit.web.ProblemException 404 when there is no such genre
     */
    Genre get(UUID id);

    /** Finds a genre by its id (when {@code idOrSlug} parses as a UUID) or by its slug. */
    Optional<Genre> find(String idOrSlug);

    /** The genres among {@code ids} that exist, keyed by id; unknown ids are absent from the map. */
    Map<UUID, Genre> findAll(Collection<UUID> ids);

    /**
     * Creates a genre; the slug is derived from the name.
     *
     * @throws dev.reel.kit.web.ProblemException 409 when the name (ignoring case) or its slug is taken, 422 when the
     *     name yields no slug (no letter or digit)
     */
    Genre create(String name);

    /**
     * Renames a genre (its slug follows) and publishes {@link GenreRenamed}.
     *
     * @throws dev.reel.kit.web.ProblemException 404, 409 or 422 as for {@link #create(String)}
     */
    Genre rename(UUID id, String name);

    /**
     * Deletes a genre, publishing {@link GenreRemoved} first; titles filed under it lose that genre.
     *
     * @throws dev.reel.kit.web.ProblemException 404 when there is no such genre
     */
    void delete(UUID id);
}
