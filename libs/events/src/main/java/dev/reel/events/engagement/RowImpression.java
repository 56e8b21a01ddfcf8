package dev.reel.events.engagement;

import dev.reel.events.ReelEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A client showed a row of the home page to a profile. Reported by the client through personalization's {@code POST
 * /api/v1/events} (best effort) and published on {@link dev.reel.events.Topics#CLIENT_ENGAGEMENT}, keyed by profile.
 * The account and profile come from the caller's token and resolved profile, never from the client's body.
 *
 * @param rowId the row's id, such as {@code top-picks} or {@code genre:drama}
 * @param rowKind the row's kind, such as {@code TOP_PICKS}
 * @param rowPosition the row's position on the page, from 0
 * @param items the titles shown, in row order
 * @param homeRequestId the {@code requestId} of the home page the row came from, when the client kept it
 */
public record RowImpression(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID accountId,
        UUID profileId,
        String rowId,
        String rowKind,
        int rowPosition,
        List<ImpressionItem> items,
        @Nullable String homeRequestId)
        implements ReelEvent {

    public static final int SCHEMA_VERSION = 1;

    public RowImpression {
        items = List.copyOf(items);
    }

    @Override
    public String key() {
        return profileId.toString();
    }
}
