package dev.reel.catalog.title.internal;

import dev.reel.catalog.genre.Genre;
import dev.reel.catalog.title.Artwork;
import dev.reel.catalog.title.Episode;
import dev.reel.catalog.title.Season;
import dev.reel.catalog.title.TitleDetails;
import dev.reel.catalog.title.TitleState;
import dev.reel.events.catalog.EpisodeRef;
import dev.reel.events.catalog.TitleSnapshot;
import java.util.Comparator;

/** Maps a title to the full snapshot carried by catalog events, a series' episodes ordered by season then number. */
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
                title.playable(),
                title.seasons().stream()
                        .sorted(Comparator.comparingInt(Season::number))
                        .flatMap(season -> season.episodes().stream()
                                .sorted(Comparator.comparingInt(Episode::number))
                                .map(e -> new EpisodeRef(
                                        e.id(), season.number(), e.number(), e.name(), e.runtimeMinutes())))
                        .toList());
    }
}
