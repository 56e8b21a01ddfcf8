package dev.reel.playback.title.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.events.Maturity;
import dev.reel.playback.title.CatalogTitle;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** How the catalog's title answer becomes a {@link CatalogTitle}: duration, episodes, playability, maturity. */
class CachedCatalogTitlesTest {

    private final UUID id = UUID.randomUUID();

    @Test
    void aMoviesDurationIsTheMediasSecondsInMillisAndItHasNoEpisodes() {
        CatalogTitle title = CachedCatalogTitles.titleOf(
                id, response("MOVIE", List.of(), true, new TitleResponse.Media("v-1", 5400L, 1080)));
        assertThat(title.playable()).isTrue();
        assertThat(title.originVersion()).isEqualTo("v-1");
        assertThat(title.maxHeight()).isEqualTo(1080);
        assertThat(title.durationMillis()).isEqualTo(5_400_000L);
        assertThat(title.series()).isFalse();
        assertThat(title.episodeIds()).isEmpty();
        assertThat(title.hasEpisode(UUID.randomUUID())).isFalse();
    }

    @Test
    void aSeriesKnowsTheEpisodesOfAllItsSeasons() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        var seasons = List.of(
                new TitleResponse.Season(List.of(new TitleResponse.Episode(first), new TitleResponse.Episode(second))),
                new TitleResponse.Season(List.of(new TitleResponse.Episode(third))),
                new TitleResponse.Season(null));
        CatalogTitle title = CachedCatalogTitles.titleOf(
                id, response("SERIES", seasons, true, new TitleResponse.Media("v-2", 60L, 720)));
        assertThat(title.series()).isTrue();
        assertThat(title.episodeIds()).containsExactlyInAnyOrder(first, second, third);
        assertThat(title.hasEpisode(third)).isTrue();
        assertThat(title.hasEpisode(UUID.randomUUID())).isFalse();
        assertThat(title.durationMillis()).isEqualTo(60_000L);
    }

    @Test
    void episodesListedOnAMovieDoNotCount() {
        UUID episode = UUID.randomUUID();
        CatalogTitle title = CachedCatalogTitles.titleOf(
                id,
                response(
                        "MOVIE",
                        List.of(new TitleResponse.Season(List.of(new TitleResponse.Episode(episode)))),
                        true,
                        new TitleResponse.Media("v-3", 60L, 720)));
        assertThat(title.hasEpisode(episode)).isFalse();
    }

    @Test
    void withoutMediaOrDurationTheDurationIsUnknown() {
        CatalogTitle unencoded = CachedCatalogTitles.titleOf(id, response("MOVIE", null, false, null));
        assertThat(unencoded.playable()).isFalse();
        assertThat(unencoded.durationMillis()).isZero();
        CatalogTitle noDuration = CachedCatalogTitles.titleOf(
                id, response("MOVIE", null, true, new TitleResponse.Media("v-4", null, 720)));
        assertThat(noDuration.playable()).isTrue();
        assertThat(noDuration.durationMillis()).isZero();
    }

    @Test
    void anUnknownMaturityFailsSafeTo18Plus() {
        var response = new TitleResponse(id, "MOVIE", "X", "PUBLISHED", "PG", List.of(), true, null);
        assertThat(CachedCatalogTitles.titleOf(id, response).maturity()).isEqualTo(Maturity.EIGHTEEN_PLUS);
    }

    private TitleResponse response(
            String type,
            @Nullable List<TitleResponse.Season> seasons,
            boolean playable,
            TitleResponse.@Nullable Media media) {
        return new TitleResponse(id, type, "Name", "PUBLISHED", "13+", seasons, playable, media);
    }
}
