package dev.reel.viewing.title;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.events.Maturity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TitleInfoTest {

    private final Episode s1e1 = new Episode(UUID.randomUUID(), 1, 1, "Pilot", 42);
    private final Episode s1e2 = new Episode(UUID.randomUUID(), 1, 2, "Second", 40);
    private final Episode s2e1 = new Episode(UUID.randomUUID(), 2, 1, "Return", 50);
    private final TitleInfo series = new TitleInfo(
            UUID.randomUUID(), "SERIES", "Show", "13+", null, true, List.of(s2e1, s1e2, s1e1), Instant.EPOCH);

    @Test
    void episodesAreOrderedBySeasonThenNumber() {
        assertThat(series.episodes()).containsExactly(s1e1, s1e2, s2e1);
    }

    @Test
    void theNextEpisodeCrossesSeasonsAndEndsAfterTheLast() {
        assertThat(series.nextEpisode(s1e1.episodeId())).contains(s1e2);
        assertThat(series.nextEpisode(s1e2.episodeId())).contains(s2e1);
        assertThat(series.nextEpisode(s2e1.episodeId())).isEmpty();
        assertThat(series.nextEpisode(UUID.randomUUID())).isEmpty();
    }

    @Test
    void durationsComeFromTheEpisodeOrTheMovieRuntime() {
        assertThat(series.durationMillis(s1e2.episodeId())).isEqualTo(40 * 60_000L);
        assertThat(series.durationMillis(UUID.randomUUID())).isZero();
        assertThat(series.durationMillis(null)).isZero();
        var movie = new TitleInfo(UUID.randomUUID(), "MOVIE", "Film", "18+", 120, true, List.of(), Instant.EPOCH);
        assertThat(movie.durationMillis(null)).isEqualTo(120 * 60_000L);
        assertThat(movie.series()).isFalse();
        assertThat(series.series()).isTrue();
    }

    @Test
    void maturityIsCheckedAgainstTheCeilingAndAnUnknownRatingIsAdultsOnly() {
        assertThat(series.allowedUnder(Maturity.THIRTEEN_PLUS)).isTrue();
        assertThat(series.allowedUnder(Maturity.SEVEN_PLUS)).isFalse();
        var unrated = new TitleInfo(UUID.randomUUID(), "MOVIE", "X", "??", null, true, List.of(), Instant.EPOCH);
        assertThat(unrated.allowedUnder(Maturity.SIXTEEN_PLUS)).isFalse();
        assertThat(unrated.allowedUnder(Maturity.EIGHTEEN_PLUS)).isTrue();
    }
}
