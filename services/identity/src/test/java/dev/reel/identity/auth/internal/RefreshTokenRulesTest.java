package dev.reel.identity.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RefreshTokenRulesTest {

    private static final Instant ISSUED = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant EXPIRES = ISSUED.plus(Duration.ofDays(30));

    @Test
    void freshTokenIsValid() {
        assertThat(RefreshTokenRules.judge(token(null, null), ISSUED.plusSeconds(1)))
                .isEqualTo(RefreshTokenRules.VALID);
    }

    @Test
    void usedTokenIsReuse() {
        assertThat(RefreshTokenRules.judge(token(ISSUED.plusSeconds(5), null), ISSUED.plusSeconds(10)))
                .isEqualTo(RefreshTokenRules.REUSED);
    }

    @Test
    void usedTokenIsReuseEvenAfterExpiry() {
        assertThat(RefreshTokenRules.judge(token(ISSUED.plusSeconds(5), null), EXPIRES.plusSeconds(1)))
                .isEqualTo(RefreshTokenRules.REUSED);
    }

    @Test
    void revokedWinsOverEverything() {
        assertThat(RefreshTokenRules.judge(token(ISSUED.plusSeconds(5), ISSUED.plusSeconds(6)), ISSUED.plusSeconds(7)))
                .isEqualTo(RefreshTokenRules.REVOKED);
        assertThat(RefreshTokenRules.judge(token(null, ISSUED.plusSeconds(6)), ISSUED.plusSeconds(7)))
                .isEqualTo(RefreshTokenRules.REVOKED);
    }

    @Test
    void tokenExpiresAtItsExpiryInstant() {
        assertThat(RefreshTokenRules.judge(token(null, null), EXPIRES.minusMillis(1)))
                .isEqualTo(RefreshTokenRules.VALID);
        assertThat(RefreshTokenRules.judge(token(null, null), EXPIRES)).isEqualTo(RefreshTokenRules.EXPIRED);
    }

    @Test
    void secretsAre256RandomBitsInBase64Url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = RefreshTokenCodec.newSecret();
            assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(secret)).isTrue();
        }
    }

    @Test
    void hashIsSha256OfTheSecret() {
        // SHA-256("abc"), FIPS 180-2 test vector
        assertThat(RefreshTokenCodec.hash("abc"))
                .asHexString()
                .isEqualToIgnoringCase("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD");
        assertThat(RefreshTokenCodec.hash("abc")).hasSize(32);
    }

    private static RefreshTokenRow token(@Nullable Instant usedAt, @Nullable Instant revokedAt) {
        return new RefreshTokenRow(
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), ISSUED, EXPIRES, usedAt, revokedAt);
    }
}
