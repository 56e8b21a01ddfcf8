package dev.reel.personalization.engagement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/events}: a batch of impressions and clicks. Fields are checked by the endpoint, per
 * event type, so a bad event is named in the 400.
 */
public record ClientEvents(@Nullable List<@Nullable Event> events) {

    /**
     * One event; {@code type} says which fields apply.
     *
     * @param type {@code RowImpression} or {@code TitleClicked}
     * @param eventId the client's id, kept so a retried batch dedupes downstream; generated when absent
     * @param occurredAt when it happened; the server's time when absent or implausible
     * @param rowId {@code RowImpression}: required; {@code TitleClicked}: optional
     * @param rowKind {@code RowImpression} only, required
     * @param rowPosition the row's position on the page, from 0
     * @param items {@code RowImpression} only, required: the titles shown
     * @param titleId {@code TitleClicked} only, required
     * @param position {@code TitleClicked}: the title's position in its row
     * @param artworkUrl {@code TitleClicked}: the artwork shown
     * @param homeRequestId the home page's {@code requestId}
     */
    public record Event(
            @Nullable String type,
            @Nullable UUID eventId,
            @Nullable Instant occurredAt,
            @Nullable String rowId,
            @Nullable String rowKind,
            @Nullable Integer rowPosition,
            @Nullable List<@Nullable Item> items,
            @Nullable UUID titleId,
            @Nullable Integer position,
            @Nullable String artworkUrl,
            @Nullable String homeRequestId) {}

    /** One title of an impression. */
    public record Item(
            @Nullable UUID titleId,
            @Nullable Integer position,
            @Nullable String artworkUrl) {}
}
