package dev.reel.gateway.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "abc-123", "A_b-C_9", "0f8fad5b-d9cb-469f-a165-70867728950e"})
    void acceptsShortTokens(String id) {
        assertThat(CorrelationId.isWellFormed(id)).isTrue();
        assertThat(CorrelationId.acceptOrGenerate(id)).isEqualTo(id);
    }

    @Test
    void acceptsExactlySixtyFourCharacters() {
        String id = "x".repeat(64);
        assertThat(CorrelationId.isWellFormed(id)).isTrue();
        assertThat(CorrelationId.isWellFormed(id + "x")).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "has space",
                "line\nbreak",
                "crlf\r\nSet-Cookie: x=1",
                "quote\"",
                "semi;colon",
                "dot.dot",
                "slash/",
                "ünïcode",
                "{\"json\":1}"
            })
    void replacesAnythingElseWithAUuid(String candidate) {
        assertThat(CorrelationId.isWellFormed(candidate)).isFalse();
        String id = CorrelationId.acceptOrGenerate(candidate);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }

    @Test
    void generatesDistinctIds() {
        assertThat(CorrelationId.acceptOrGenerate(null)).isNotEqualTo(CorrelationId.acceptOrGenerate(null));
    }
}
