package dev.reel.viewing.title;

import dev.reel.events.Maturity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A catalog title as of its latest snapshot.
 *
 * @param type {@code MOVIE} or {@code SERIES}
 * @param maturity a {@link Maturity} label such as {@code "13+"}
 * @param runtimeMinutes a movie's runtime, null when unknown
 * @param published false once the catalog hid the title
 * @param episodes a series' episodes ordered by season then number; empty for a movie
 * @param snapshotAt when the catalog took the snapshot; an older snapshot never replaces a newer one
 */
public record TitleInfo(
        UUID titleId,
        String type,
        String name,
        String maturity,
        @Nullable Integer runtimeMinutes,
        boolean published,
        List<Episode> episodes,
        Instant snapshotAt) {

    public static final String SERIES = "SERIES";

    private static final Comparator<Episode> ORDER =
            Comparator.comparingInt(Episode::seasonNumber).thenComparingInt(Episode::number);

    public TitleInfo {
        episodes = episodes.stream().sorted(ORDER).toList();
    }

    public boolean series() {
        return SERIES.equals(type);
    }

    /** Whether a profile with this ceiling may see the title; an unknown rating counts as adults only. */
    public boolean allowedUnder(Maturity ceiling) {
        return Maturity.fromLabel(maturity).orElse(Maturity.EIGHTEEN_PLUS).allowedUnder(ceiling);
    }

    public Optional<Episode> episode(UUID episodeId) {
        return episodes.stream().filter(e -> e.episodeId().equals(episodeId)).findFirst();
    }

    /** The episode after {@code episodeId} in season and number order; empty for the last one or an unknown one. */
    public Optional<Episode> nextEpisode(UUID episodeId) {
        for (int i = 0; i < episodes.size() - 1; i++) {
            if (episodes.get(i).episodeId().equals(episodeId)) {
                return Optional.of(episodes.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * The catalog's duration of the media played for {@code episodeId} (the episode's runtime), or of the title itself
     * when it is null (a movie's runtime); 0 when unknown.
     */
    public long durationMillis(@Nullable UUID episodeId) {
        if (episodeId != null) {
            return episode(episodeId).map(Episode::runtimeMillis).orElse(0L);
        }
        return runtimeMinutes == null ? 0 : Math.max(0, runtimeMinutes) * 60_000L;
    }
}
