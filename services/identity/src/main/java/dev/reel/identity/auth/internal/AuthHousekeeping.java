package dev.reel.identity.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the auth tables small: forgets failure counters a day after the last failure (once unlocked) and deletes
 * refresh tokens a day after they expired. Safe to run on every instance at once.
 */
@Component
@EnableScheduling
class AuthHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(AuthHousekeeping.class);
    private static final Duration RETENTION = Duration.ofDays(1);

    private final LoginFailureRepository failures;
    private final RefreshTokenRepository refreshTokens;
    private final Clock clock;

    AuthHousekeeping(LoginFailureRepository failures, RefreshTokenRepository refreshTokens, Clock clock) {
        this.failures = failures;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void purge() {
        Instant cutoff = clock.instant().minus(RETENTION);
        int counters = failures.purgeBefore(cutoff);
        int tokens = refreshTokens.purgeExpiredBefore(cutoff);
        if (counters + tokens > 0) {
            log.info("Purged {} login failure counters and {} expired refresh tokens", counters, tokens);
        }
    }
}
