package dev.reel.launcher.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private final SseParser parser = new SseParser();

    private List<SseParser.Event> feed(String... lines) {
        var events = new ArrayList<SseParser.Event>();
        for (String line : lines) {
            parser.accept(line).ifPresent(events::add);
        }
        return events;
    }

    @Test
    void anEventEndsAtABlankLine() {
        assertThat(feed("event: job", "data: {\"state\":\"QUEUED\"}")).isEmpty();
        assertThat(feed("")).containsExactly(new SseParser.Event("job", "{\"state\":\"QUEUED\"}", null));
    }

    @Test
    void dataLinesJoinWithNewlinesAndOneLeadingSpaceIsDropped() {
        assertThat(feed("data:first", "data:  second", ""))
                .containsExactly(new SseParser.Event("message", "first\n second", null));
    }

    @Test
    void commentsAndUnknownFieldsAreIgnoredAndEventsWithoutDataDropped() {
        assertThat(feed(": keep-alive", "", "event: job", "", "foo: bar", "data: x", ""))
                .containsExactly(new SseParser.Event("message", "x", null));
    }

    @Test
    void idPersistsAcrossEventsAndRetryIsRemembered() {
        List<SseParser.Event> events =
                feed("id: 7", "event: job", "data: a", "", "data: b", "", "retry: 2500", "retry: x");
        assertThat(events).extracting(SseParser.Event::id).containsExactly("7", "7");
        assertThat(events).extracting(SseParser.Event::type).containsExactly("job", "message");
        assertThat(parser.retryMillis()).contains(2500L);
        assertThat(parser.lastId()).contains("7");
    }

    @Test
    void aFieldWithoutAColonHasAnEmptyValue() {
        assertThat(feed("data", "data", "")).containsExactly(new SseParser.Event("message", "\n", null));
    }
}
