package dev.reel.search.popularity;

import java.time.Instant;
import java.util.UUID;

/** Recent demand per title. Implementations are thread-safe. */
@FunctionalInterface
public interface Popularity {

    /** Nobody watches anything. */
    Popularity NONE = (titleId, at) -> 0;

    /**
     * The title's decayed number of playback starts at {@code at}: {@code Σ 2^(-(at − tᵢ)/halfLife)} over its starts
     * {@code tᵢ}, so a start counts 1 now and ½ one half-life ago. Zero for a title never started; never negative.
     */
    double of(UUID titleId, Instant at);
}
