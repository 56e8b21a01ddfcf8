package dev.reel.catalog.title.internal;

import dev.reel.catalog.genre.Genre;
import dev.reel.catalog.title.Artwork;
import dev.reel.catalog.title.TitleDetails;
import dev.reel.catalog.title.TitleState;
import dev.reel.events.catalog.TitleSnapshot;

/** Maps a title to the full snapshot carried by catalog events. */
final class TitleSnapshots {

    private TitleSnapshots() {}

    static TitleSnapshot of(TitleDetails title) {
        return new TitleSnapshot(
                title.id(),
                title.type().name(),
                title.name(),
                title.synopsis(),
                title.year(),
                title.runtimeMinutes(),
                title.maturity(),
                title.genres().stream().map(Genre::slug).toList(),
                title.cast(),
                title.artworks().stream().map(Artwork::url).toList(),
                title.state() == TitleState.PUBLISHED,
                title.publishedAt(),
                title.playable());
    }
}
