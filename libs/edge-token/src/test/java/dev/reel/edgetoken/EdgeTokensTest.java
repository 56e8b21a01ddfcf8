package dev.reel.edgetoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.edgetoken.EdgeTokenVerification.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeTokensTest {

    private static final byte[] SECRET = filled(32, (byte) 7);
    private static final byte[] OTHER_SECRET = filled(32, (byte) 9);
    private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");
    private static final Instant EXPIRY = NOW.plusSeconds(3600);
    private static final Map<String, byte[]> SECRETS = Map.of("k1", SECRET);

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static String token() {
        return EdgeTokens.sign("k1", SECRET, "/v/title1", EXPIRY, "session-1");
    }

    private static Outcome verify(String token, String path) {
        return EdgeTokens.verify(SECRETS, token, path, NOW).outcome();
    }

    /** Rewrites one claim line of a token and keeps its original MAC. */
    private static String tamper(String token, int field, String value) {
        int dot = token.indexOf('.');
        String[] fields = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8)
                .split("\n", -1);
        fields[field] = value;
        String claims = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join("\n", fields).getBytes(StandardCharsets.UTF_8));
        return claims + token.substring(dot);
    }

    @Test
    void validTokenOpensPathsUnderItsPrefix() {
        EdgeTokenVerification result = EdgeTokens.verify(SECRETS, token(), "/v/title1/video/720p/seg-1.m4s", NOW);

        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
        assertThat(result.isValid()).isTrue();
        assertThat(result.token()).isEqualTo(new EdgeToken("k1", "/v/title1", EXPIRY, "session-1"));
        assertThat(verify(token(), "/v/title1")).isEqualTo(Outcome.VALID);
    }

    @Test
    void tokenIsUrlSafe() {
        assertThat(token()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void expiredAtAndAfterExpiry() {
        assertThat(EdgeTokens.verify(SECRETS, token(), "/v/title1/a.m4s", EXPIRY)
                        .outcome())
                .isEqualTo(Outcome.EXPIRED);
        assertThat(EdgeTokens.verify(SECRETS, token(), "/v/title1/a.m4s", EXPIRY.plusSeconds(1))
                        .outcome())
                .isEqualTo(Outcome.EXPIRED);
        assertThat(EdgeTokens.verify(SECRETS, token(), "/v/title1/a.m4s", EXPIRY.minusSeconds(1))
                        .outcome())
                .isEqualTo(Outcome.VALID);
    }

    @Test
    void prefixDoesNotOpenASiblingWithTheSameStart() {
        assertThat(verify(token(), "/v/title10/a.m4s")).isEqualTo(Outcome.PATH_OUTSIDE_PREFIX);
        assertThat(verify(token(), "/v/title10")).isEqualTo(Outcome.PATH_OUTSIDE_PREFIX);
        assertThat(verify(token(), "/v/title2/a.m4s")).isEqualTo(Outcome.PATH_OUTSIDE_PREFIX);
        assertThat(verify(token(), "/v")).isEqualTo(Outcome.PATH_OUTSIDE_PREFIX);
    }

    @Test
    void unnormalisedRequestPathIsNeverInside() {
        assertThat(verify(token(), "/v/title1/../title2/a.m4s")).isEqualTo(Outcome.PATH_OUTSIDE_PREFIX);
        assertThat(verify(token(), "/v/title1/./a.m4s")).isEqualTo(Outcome.PATH_OUTSIDE_PREFIX);
        assertThat(verify(token(), "/v/title1//a.m4s")).isEqualTo(Outcome.PATH_OUTSIDE_PREFIX);
        assertThat(verify(token(), "/v/title1/a\\..\\b")).isEqualTo(Outcome.PATH_OUTSIDE_PREFIX);
        assertThat(verify(token(), "v/title1/a.m4s")).isEqualTo(Outcome.PATH_OUTSIDE_PREFIX);
    }

    @Test
    void tamperingWithAnyClaimBreaksTheSignature() {
        String token = token();
        assertThat(verify(tamper(token, 2, Long.toString(EXPIRY.getEpochSecond() + 86400)), "/v/title1/a.m4s"))
                .isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(verify(tamper(token, 3, "session-2"), "/v/title1/a.m4s")).isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(verify(tamper(token, 4, "/v/title2"), "/v/title2/a.m4s")).isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(verify(tamper(token, 4, "/"), "/v/title2/a.m4s")).isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(verify(tamper(token, 1, "k2"), "/v/title1/a.m4s")).isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void tamperingWithTheMacBreaksTheSignature() {
        String token = token();
        int dot = token.indexOf('.');
        byte[] mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        mac[0] ^= 1;
        String forged = token.substring(0, dot + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
        String truncated = token.substring(0, token.length() - 4);

        assertThat(verify(forged, "/v/title1/a.m4s")).isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(verify(truncated, "/v/title1/a.m4s")).isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void tokenSignedWithAnotherSecretIsRejected() {
        String foreign = EdgeTokens.sign("k1", OTHER_SECRET, "/v/title1", EXPIRY, "session-1");

        assertThat(verify(foreign, "/v/title1/a.m4s")).isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void keysRotateByKid() {
        String old = token();
        String rotated = EdgeTokens.sign("k2", OTHER_SECRET, "/v/title1", EXPIRY, "session-1");
        Map<String, byte[]> both = Map.of("k1", SECRET, "k2", OTHER_SECRET);
        Map<String, byte[]> newOnly = Map.of("k2", OTHER_SECRET);

        assertThat(EdgeTokens.verify(both, old, "/v/title1/a", NOW).outcome()).isEqualTo(Outcome.VALID);
        assertThat(EdgeTokens.verify(both, rotated, "/v/title1/a", NOW).outcome())
                .isEqualTo(Outcome.VALID);
        assertThat(EdgeTokens.verify(newOnly, old, "/v/title1/a", NOW).outcome())
                .isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(EdgeTokens.verify(newOnly, rotated, "/v/title1/a", NOW).outcome())
                .isEqualTo(Outcome.VALID);
    }

    @Test
    void malformedTokens() {
        String token = token();
        String claims = token.substring(0, token.indexOf('.'));

        assertThat(verify("", "/v/title1/a")).isEqualTo(Outcome.MALFORMED);
        assertThat(verify("abc", "/v/title1/a")).isEqualTo(Outcome.MALFORMED);
        assertThat(verify(claims + ".", "/v/title1/a")).isEqualTo(Outcome.MALFORMED);
        assertThat(verify("." + claims, "/v/title1/a")).isEqualTo(Outcome.MALFORMED);
        assertThat(verify(token + ".x", "/v/title1/a")).isEqualTo(Outcome.MALFORMED);
        assertThat(verify("!!!." + claims, "/v/title1/a")).isEqualTo(Outcome.MALFORMED);
        assertThat(verify("a".repeat(EdgeTokens.MAX_TOKEN_LENGTH + 1), "/v/title1/a"))
                .isEqualTo(Outcome.MALFORMED);
        assertThat(verify(tamper(token, 0, "2"), "/v/title1/a")).isEqualTo(Outcome.MALFORMED);
        assertThat(verify(tamper(token, 2, "soon"), "/v/title1/a")).isEqualTo(Outcome.MALFORMED);
        assertThat(verify(tamper(token, 2, "-5"), "/v/title1/a")).isEqualTo(Outcome.MALFORMED);
        assertThat(verify(tamper(token, 4, "/v/../x"), "/v/title1/a")).isEqualTo(Outcome.MALFORMED);
        assertThat(verify(tamper(token, 1, "k 1"), "/v/title1/a")).isEqualTo(Outcome.MALFORMED);
        assertThat(verify(tamper(token, 3, ""), "/v/title1/a")).isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void signRejectsBadArguments() {
        assertThatThrownBy(() -> EdgeTokens.sign("k1", new byte[16], "/v/t", EXPIRY, "s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EdgeTokens.sign("k/1", SECRET, "/v/t", EXPIRY, "s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EdgeTokens.sign("k1", SECRET, "v/t", EXPIRY, "s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EdgeTokens.sign("k1", SECRET, "/v/t/", EXPIRY, "s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EdgeTokens.sign("k1", SECRET, "/v/../t", EXPIRY, "s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EdgeTokens.sign("k1", SECRET, "/v/t", EXPIRY, "a\nb"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EdgeTokens.sign("k1", SECRET, "/v/t", EXPIRY, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
