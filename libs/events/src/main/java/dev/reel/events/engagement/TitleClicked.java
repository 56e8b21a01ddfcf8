package dev.reel.events.engagement;

import dev.reel.events.ReelEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A profile picked a title on a client. Reported by the client through personalization's {@code POST
 * /api/v1/events} (best effort) and published on {@link dev.reel.events.Topics#CLIENT_ENGAGEMENT}, keyed by profile.
 * The account and profile come from the caller's token and resolved profile, never from the client's body.
 *
 * @param rowId the row the title was picked from, or {@code null} outside a row (search, a deep link)
 * @param rowPosition the row's position on the page, from 0, when there was a row
 * @param position the title's position in its row, from 0, when there was a row
 * @param artworkUrl the artwork shown for the title, when the client said
 * @param homeRequestId the {@code requestId} of the home page the click came from, when the client kept it
 */
public record TitleClicked(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID accountId,
        UUID profileId,
        UUID titleId,
        @Nullable String rowId,
        @Nullable Integer rowPosition,
        @Nullable Integer position,
        @Nullable String artworkUrl,
        @Nullable String homeRequestId)
        implements ReelEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return profileId.toString();
    }
}
