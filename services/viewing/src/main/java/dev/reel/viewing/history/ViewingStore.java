package dev.reel.viewing.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where viewing keeps its state: PostgreSQL now, Cassandra in a later issue. Every method reads or writes rows of one
 * partition by key or key prefix (a profile, a session or an event id), so a wide-column store can serve each one
 * without joins or secondary indexes; the README describes the tables.
 *
 * <p>Writes happen inside the caller's transaction where the implementation has one. A store without transactions
 * stays correct on a retried event because every write is idempotent: bookmarks only move forward in event time,
 * watch time only counts a session's progress past its stored position, and the event ledger is written last.
 */
public interface ViewingStore {

    /**
     * Records that {@code eventId} is being applied.
     *
     * @return false when it was applied before (a redelivery): the caller must change nothing
     */
    boolean markConsumed(UUID eventId, String eventType);

    /**
     * Holds the profile's title for the rest of the transaction, so an event and a removal of the same (profile,
     * title) never interleave, and tells when the profile last removed the title from its history.
     *
     * @return the last removal time, or null if the title was never removed
     */
    @Nullable
    Instant lockTitle(UUID profileId, UUID titleId);

    /** The bookmark of one (profile, title, episode); {@code episodeId} is null for a movie. */
    Optional<Bookmark> bookmark(UUID profileId, UUID titleId, @Nullable UUID episodeId);

    /** Every bookmark of one (profile, title): the movie's, or one per episode watched. */
    List<Bookmark> bookmarks(UUID profileId, UUID titleId);

    /**
     * Writes the bookmark and its history entry.
     *
     * @param previous the bookmark as read before this change (it locates the history entry to replace), or null
     */
    void saveBookmark(Bookmark bookmark, @Nullable Bookmark previous);

    /** Replaces the title's Continue Watching entry with {@code entry}, or removes it when {@code entry} is null. */
    void saveContinue(UUID profileId, UUID titleId, @Nullable ContinueEntry entry);

    /** The profile's Continue Watching entries, newest first, at most {@code limit}. */
    List<ContinueEntry> continueWatching(UUID profileId, int limit);

    /** One page of the profile's history entries, newest first. */
    List<Bookmark> history(UUID profileId, long offset, int limit);

    /** How many history entries the profile has. */
    long historySize(UUID profileId);

    /**
     * Removes the title's bookmarks, history entries and Continue Watching entry from the profile, and remembers
     * {@code removedAt} (an earlier removal time never replaces a later one).
     */
    void removeTitle(UUID profileId, UUID titleId, Instant removedAt);

    Optional<SessionProgress> session(UUID sessionId);

    /** Inserts or moves a session's progress; an older {@code at} never replaces a newer one. */
    void saveSession(SessionProgress progress);

    void deleteSession(UUID sessionId);
}
