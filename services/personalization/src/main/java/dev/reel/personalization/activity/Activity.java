package dev.reel.personalization.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Interactions per (profile, title) and trending per title, both built from playback events. */
public interface Activity {

    /** The strength of a start before any progress is known. */
    float START_STRENGTH = 0.05f;

    /**
     * The profile's interactions, most recently played first: from memory when this instance read them before and
     * they have not changed since, else one indexed database read (which is then kept). A change made by any instance
     * is seen within one {@code refresh.catalog} interval; a change this instance applies, at once.
     *
     * @param limit the most to return
     */
    List<Interaction> history(UUID profileId, int limit);

    /**
     * The profile's interactions as {@link #history} would return them, but only from memory: null when they would
     * need a database read. The list is the same instance until the interactions change, so callers may key derived
     * values on its identity.
     */
    @Nullable
    List<Interaction> cachedHistory(UUID profileId, int limit);

    /** Trending as of this instance's last refresh; from memory. */
    Trending trending();

    /** Feeds every interaction to {@code sink}, streaming (for training). */
    void forEachInteraction(Consumer<Interaction> sink);

    /** When any interaction last changed, or null when there are none. */
    @Nullable
    Instant lastChange();
}
