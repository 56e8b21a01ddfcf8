package dev.reel.personalization.home.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A title a row proposes, before de-duplication and trimming.
 *
 * @param progress Continue Watching only
 * @param episodeId Continue Watching only
 */
record Candidate(
        UUID titleId, @Nullable Double progress, @Nullable UUID episodeId) {

    static Candidate of(UUID titleId) {
        return new Candidate(titleId, null, null);
    }
}
