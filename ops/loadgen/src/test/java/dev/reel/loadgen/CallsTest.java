package dev.reel.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class CallsTest {

    @Test
    void overloadBadProxyHopsAndNoAnswerAreRetriedOtherFailuresAreNot() {
        assertThat(Calls.retryable(503)).isTrue();
        assertThat(Calls.retryable(429)).isTrue();
        assertThat(Calls.retryable(502)).isTrue();
        assertThat(Calls.retryable(504)).isTrue();
        assertThat(Calls.retryable(0)).isTrue();
        assertThat(Calls.retryable(500)).isFalse();
        assertThat(Calls.retryable(404)).isFalse();
        assertThat(Calls.retryable(409)).isFalse();
    }

    @Test
    void retryAfterInSecondsOrAsADate() {
        assertThat(Calls.retryAfter("1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(Calls.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
        assertThat(Calls.retryAfter(null)).isNull();
        assertThat(Calls.retryAfter("soon")).isNull();
        assertThat(Calls.retryAfter("99999999999999999999999")).isNull();
        String inFiveSeconds =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(5));
        assertThat(Calls.retryAfter(inFiveSeconds)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5));
        String past =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().minusMinutes(1));
        assertThat(Calls.retryAfter(past)).isEqualTo(Duration.ZERO);
    }

    @Test
    void theReasonIsTheStatusAndTheProblemTitle() {
        byte[] problem = """
                {"type":"about:blank","title":"Service overloaded","status":503}""".getBytes(StandardCharsets.UTF_8);
        assertThat(new Calls.Answer(503, problem, null, null).reason()).isEqualTo("503 Service overloaded");
        assertThat(new Calls.Answer(502, "<html>".getBytes(StandardCharsets.UTF_8), null, null).reason())
                .isEqualTo("502");
        assertThat(Calls.Answer.none("ConnectException").reason()).isEqualTo("no answer (ConnectException)");
        assertThat(Calls.statusKey(Calls.Answer.none("x"))).isEqualTo("io");
    }
}
