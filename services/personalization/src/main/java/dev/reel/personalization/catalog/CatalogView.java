package dev.reel.personalization.catalog;

import java.util.Optional;
import java.util.UUID;

/** The catalog personalization ranks: published titles from {@code reel.catalog.titles.v1}, served from memory. */
public interface CatalogView {

    /** The newest snapshot this instance loaded; never blocks, never touches the database. */
    CatalogSnapshot snapshot();

    /** A title's runtime in milliseconds when the catalog gave one, for watch fractions of events that carry none. */
    default Optional<Long> runtimeMillis(UUID titleId) {
        TitleView title = snapshot().title(titleId);
        return title == null || title.runtimeMinutes() == null || title.runtimeMinutes() <= 0
                ? Optional.empty()
                : Optional.of(title.runtimeMinutes() * 60_000L);
    }
}
