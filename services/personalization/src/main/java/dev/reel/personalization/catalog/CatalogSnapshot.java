package dev.reel.personalization.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Every published title at one moment; immutable, so a request reads one consistent catalog.
 *
 * @param version changes whenever the set of titles or any of them changed
 * @param loadedAt when it was read from the database
 */
public record CatalogSnapshot(long version, Instant loadedAt, Map<UUID, TitleView> titles) {

    /** No titles at all, before the first load. */
    public static final CatalogSnapshot EMPTY = new CatalogSnapshot(0, Instant.EPOCH, Map.of());

    public CatalogSnapshot {
        titles = Map.copyOf(titles);
    }

    public @Nullable TitleView title(UUID titleId) {
        return titles.get(titleId);
    }

    public Collection<TitleView> all() {
        return titles.values();
    }
}
