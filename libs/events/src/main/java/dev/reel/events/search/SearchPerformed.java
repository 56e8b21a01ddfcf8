package dev.reel.events.search;

import dev.reel.events.ReelEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member searched. Published by search on {@link dev.reel.events.Topics#SEARCH_QUERIES}, keyed by profile when
 * there was one, else by account.
 *
 * @param profileId the profile searched for, or {@code null} when the request named none
 * @param query the query as typed
 * @param page the result page asked for, from 0
 * @param totalHits how many titles matched in all
 * @param titleIds the ids on the returned page, in the order shown
 */
public record SearchPerformed(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID accountId,
        @Nullable UUID profileId,
        String query,
        int page,
        long totalHits,
        List<UUID> titleIds)
        implements ReelEvent {

    public static final int SCHEMA_VERSION = 1;

    public SearchPerformed {
        titleIds = List.copyOf(titleIds);
    }

    /** A new event happening now. */
    public static SearchPerformed of(
            UUID accountId, @Nullable UUID profileId, String query, int page, long totalHits, List<UUID> titleIds) {
        return new SearchPerformed(
                UUID.randomUUID(),
                Instant.now(),
                SCHEMA_VERSION,
                accountId,
                profileId,
                query,
                page,
                totalHits,
                titleIds);
    }

    @Override
    public String key() {
        return (profileId != null ? profileId : accountId).toString();
    }
}
