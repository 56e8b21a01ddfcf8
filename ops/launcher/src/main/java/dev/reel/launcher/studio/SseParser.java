package dev.reel.launcher.studio;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Parses a {@code text/event-stream} line by line, as the HTML standard's event-stream interpretation does:
 * {@code event:}, {@code data:} (several join with newlines), {@code id:} and {@code retry:} fields, comments
 * starting with {@code :}, and an event dispatched at each blank line. An event without data is dropped; an event
 * without a type is a {@code message}. Not thread-safe: one parser per stream.
 */
public final class SseParser {

    /**
     * One event.
     *
     * @param type the {@code event:} field, or {@code message}
     * @param data the {@code data:} lines joined with newlines
     * @param id the last {@code id:} seen on the stream, if any
     */
    public record Event(String type, String data, @Nullable String id) {}

    private final List<String> data = new ArrayList<>();
    private @Nullable String type;
    private @Nullable String lastId;
    private @Nullable Long retryMillis;

    /**
     * Feeds one line (without its line terminator).
     *
     * @return the event completed by this line, if it is a blank line ending an event with data
     */
    public Optional<Event> accept(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> type = value;
            case "data" -> data.add(value);
            case "id" -> {
                if (!value.contains("\0")) {
                    lastId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
                    retryMillis = Long.parseLong(value);
                }
            }
            default -> {
                // unknown fields are ignored
            }
        }
        return Optional.empty();
    }

    /** The reconnection time the server asked for with {@code retry:}, if it did. */
    public Optional<Long> retryMillis() {
        return Optional.ofNullable(retryMillis);
    }

    /** The last event id seen, for {@code Last-Event-ID} on a reconnect. */
    public Optional<String> lastId() {
        return Optional.ofNullable(lastId);
    }

    private Optional<Event> dispatch() {
        if (data.isEmpty()) {
            type = null;
            return Optional.empty();
        }
        Event event = new Event(type == null || type.isEmpty() ? "message" : type, String.join("\n", data), lastId);
        data.clear();
        type = null;
        return Optional.of(event);
    }
}
