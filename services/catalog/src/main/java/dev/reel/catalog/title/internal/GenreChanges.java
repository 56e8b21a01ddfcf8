package dev.reel.catalog.title.internal;

import dev.reel.catalog.genre.GenreRemoved;
import dev.reel.catalog.genre.GenreRenamed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps titles and their announced snapshots in step with genre changes. Runs synchronously inside the genre's
 * transaction, so the outbox rows commit (or roll back) together with the genre change.
 */
@Component
class GenreChanges {

    private final TitleService titles;

    GenreChanges(TitleService titles) {
        this.titles = titles;
    }

    @EventListener
    void on(GenreRenamed event) {
        titles.genreRenamed(event.genre().id());
    }

    @EventListener
    void on(GenreRemoved event) {
        titles.genreRemoved(event.genre().id());
    }
}
