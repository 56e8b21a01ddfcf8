package dev.reel.launcher.studio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void aProblemReadsAsTitleColonDetail() {
        String body = "{\"type\":\"about:blank\",\"title\":\"Unsupported master\",\"status\":422,"
                + "\"detail\":\"No video stream\",\"correlationId\":\"abc\"}";
        Problem problem = Problem.of(422, Json.parse(body), body);
        assertThat(problem.describe()).isEqualTo("Unsupported master: No video stream");
        assertThat(new ApiProblemException(problem)).hasMessage("Unsupported master: No video stream");
    }

    @Test
    void fieldErrorsOfAValidationProblemFollow() {
        String body = "{\"title\":\"Invalid request\",\"detail\":\"2 fields are invalid\",\"errors\":["
                + "{\"field\":\"length\",\"message\":\"must be positive\"},{\"field\":\"titleId\",\"message\":\"must not be null\"}]}";
        assertThat(Problem.of(400, Json.parse(body), body).describe())
                .isEqualTo(
                        "Invalid request: 2 fields are invalid (length: must be positive; titleId: must not be null)");
    }

    @Test
    void aBodyThatIsNotAProblemBecomesTheDetailAfterTheStatusReason() {
        assertThat(Problem.of(502, null, "<html>upstream gone</html>").describe())
                .isEqualTo("Bad Gateway: <html>upstream gone</html>");
        assertThat(Problem.of(404, null, "").describe()).isEqualTo("Not Found");
        assertThat(Problem.of(418, null, null).describe()).isEqualTo("HTTP 418");
    }

    @Test
    void aDetailEqualToTheTitleIsNotRepeated() {
        String body = "{\"title\":\"Forbidden\",\"detail\":\"Forbidden\"}";
        assertThat(Problem.of(403, Json.parse(body), body).describe()).isEqualTo("Forbidden");
    }

    @Test
    void theOffsetMemberOfAConflictIsReadable() {
        String body = "{\"title\":\"Offset mismatch\",\"offset\":1048576}";
        Problem problem = Problem.of(409, Json.parse(body), body);
        assertThat(problem.longMember("offset")).hasValue(1_048_576);
        assertThat(problem.longMember("missing")).isEmpty();
        assertThat(problem.isTransient()).isFalse();
        assertThat(Problem.of(503, null, null).isTransient()).isTrue();
    }
}
