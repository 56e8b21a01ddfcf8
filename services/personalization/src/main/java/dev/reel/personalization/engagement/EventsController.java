package dev.reel.personalization.engagement;

import dev.reel.events.ReelEvent;
import dev.reel.events.engagement.ImpressionItem;
import dev.reel.events.engagement.RowImpression;
import dev.reel.events.engagement.TitleClicked;
import dev.reel.kit.profile.ViewerProfile;
import dev.reel.kit.profile.ViewerProfiles;
import dev.reel.kit.web.ProblemException;
import dev.reel.personalization.PersonalizationProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/events} (member, {@code X-Profile-Id} required): impressions and clicks from clients. The account
 * comes from the token and the profile from the resolved header, never from the body. Every event is checked before
 * any is published; a batch is all accepted or all refused.
 */
@RestController
class EventsController {

    static final String ROW_IMPRESSION = RowImpression.class.getSimpleName();
    static final String TITLE_CLICKED = TitleClicked.class.getSimpleName();
    private static final int MAX_TEXT = 200;
    private static final int MAX_ITEMS = 100;
    private static final Duration MAX_AGE = Duration.ofDays(1);
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final ViewerProfiles profiles;
    private final EngagementEvents publisher;
    private final Clock clock;
    private final int maxBatch;

    EventsController(
            ViewerProfiles profiles, EngagementEvents publisher, Clock clock, PersonalizationProperties properties) {
        this.profiles = profiles;
        this.publisher = publisher;
        this.clock = clock;
        this.maxBatch = properties.events().maxBatch();
    }

    @PostMapping(path = "/api/v1/events", consumes = "application/json", produces = "application/json")
    ResponseEntity<Accepted> events(
            @RequestBody ClientEvents body,
            @RequestHeader(name = ViewerProfiles.HEADER, required = false) @Nullable String profileHeader) {
        List<ClientEvents.@Nullable Event> events = body.events();
        if (events == null) {
            throw ProblemException.badRequest("events is required");
        }
        if (events.size() > maxBatch) {
            throw new ProblemException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Too many events",
                    "A batch holds at most " + maxBatch + " events, this one " + events.size());
        }
        ViewerProfile profile = profiles.fromHeader(profileHeader);
        Instant now = clock.instant();
        List<ReelEvent> accepted = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            accepted.add(event(i, events.get(i), profile, now));
        }
        publisher.publish(accepted);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(accepted.size()));
    }

    private static ReelEvent event(int index, ClientEvents.@Nullable Event event, ViewerProfile profile, Instant now) {
        String at = "events[" + index + "]";
        if (event == null) {
            throw ProblemException.badRequest(at + " is null");
        }
        UUID eventId = event.eventId() == null ? UUID.randomUUID() : event.eventId();
        Instant occurredAt = plausible(event.occurredAt(), now);
        String homeRequestId = optionalText(at + ".homeRequestId", event.homeRequestId());
        if (ROW_IMPRESSION.equals(event.type())) {
            String rowId = text(at + ".rowId", event.rowId());
            String rowKind = text(at + ".rowKind", event.rowKind());
            int rowPosition = position(at + ".rowPosition", event.rowPosition());
            if (event.items() == null
                    || event.items().isEmpty()
                    || event.items().size() > MAX_ITEMS) {
                throw ProblemException.badRequest(at + ".items must hold 1 to " + MAX_ITEMS + " titles");
            }
            List<ImpressionItem> items = new ArrayList<>(event.items().size());
            for (int j = 0; j < event.items().size(); j++) {
                ClientEvents.Item item = event.items().get(j);
                String where = at + ".items[" + j + "]";
                if (item == null || item.titleId() == null) {
                    throw ProblemException.badRequest(where + ".titleId is required");
                }
                int position = item.position() == null ? j : position(where + ".position", item.position());
                items.add(new ImpressionItem(
                        item.titleId(), position, optionalText(where + ".artworkUrl", item.artworkUrl())));
            }
            return new RowImpression(
                    eventId,
                    occurredAt,
                    RowImpression.SCHEMA_VERSION,
                    profile.accountId(),
                    profile.id(),
                    rowId,
                    rowKind,
                    rowPosition,
                    items,
                    homeRequestId);
        }
        if (TITLE_CLICKED.equals(event.type())) {
            if (event.titleId() == null) {
                throw ProblemException.badRequest(at + ".titleId is required");
            }
            return new TitleClicked(
                    eventId,
                    occurredAt,
                    TitleClicked.SCHEMA_VERSION,
                    profile.accountId(),
                    profile.id(),
                    event.titleId(),
                    optionalText(at + ".rowId", event.rowId()),
                    event.rowPosition() == null ? null : position(at + ".rowPosition", event.rowPosition()),
                    event.position() == null ? null : position(at + ".position", event.position()),
                    optionalText(at + ".artworkUrl", event.artworkUrl()),
                    homeRequestId);
        }
        throw ProblemException.badRequest(at + ".type must be " + ROW_IMPRESSION + " or " + TITLE_CLICKED);
    }

    /** The client's time when it is within a day in the past and a few minutes in the future, else now. */
    private static Instant plausible(@Nullable Instant occurredAt, Instant now) {
        if (occurredAt == null || occurredAt.isBefore(now.minus(MAX_AGE)) || occurredAt.isAfter(now.plus(MAX_SKEW))) {
            return now;
        }
        return occurredAt;
    }

    private static String text(String field, @Nullable String value) {
        String text = optionalText(field, value);
        if (text == null) {
            throw ProblemException.badRequest(field + " is required");
        }
        return text;
    }

    private static @Nullable String optionalText(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw ProblemException.badRequest(field + " must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static int position(String field, @Nullable Integer value) {
        if (value == null || value < 0) {
            throw ProblemException.badRequest(field + " must be 0 or more");
        }
        return value;
    }
}
