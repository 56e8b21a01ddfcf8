package dev.reel.viewing.history;

import dev.reel.events.Maturity;
import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a profile reads and removes of its viewing. Callers pass a profile already resolved for the caller's account
 * (never a bare {@code X-Profile-Id}).
 */
public interface Viewing {

    /**
     * The profile's Continue Watching list, newest first. Titles the catalog has since hidden, or rated above {@code
     * ceiling}, are left out.
     */
    Page<ContinueItem> continueWatching(UUID profileId, Maturity ceiling, PageRequest page);

    /** The profile's history, one entry per movie or episode, newest first. */
    Page<HistoryItem> history(UUID profileId, PageRequest page);

    /** The resume point of a movie ({@code episodeId} null) or of one episode; empty when there is none. */
    Optional<BookmarkView> bookmark(UUID profileId, UUID titleId, @Nullable UUID episodeId);

    /**
     * Removes the title's history, bookmarks and Continue Watching entry from the profile. Idempotent. Playback facts
     * that happened at or before the removal never bring them back; later ones start a new history.
     */
    void remove(UUID profileId, UUID titleId);
}
