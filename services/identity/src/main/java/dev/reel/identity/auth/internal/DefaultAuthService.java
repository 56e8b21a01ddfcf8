package dev.reel.identity.auth.internal;

import dev.reel.identity.IdentityProperties;
import dev.reel.identity.account.AccountView;
import dev.reel.identity.account.Accounts;
import dev.reel.identity.auth.AuthService;
import dev.reel.identity.auth.LoginRequest;
import dev.reel.identity.auth.TokenResponse;
import dev.reel.kit.web.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class DefaultAuthService implements AuthService {

    private static final Logger log = LoggerFactory.getLogger(DefaultAuthService.class);

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final RefreshTokenRepository refreshTokens;
    private final AccessTokenIssuer accessTokens;
    private final TransactionTemplate transactions;
    private final Duration refreshTtl;
    private final Clock clock;

    DefaultAuthService(
            Accounts accounts,
            LoginThrottle throttle,
            RefreshTokenRepository refreshTokens,
            AccessTokenIssuer accessTokens,
            TransactionTemplate transactions,
            IdentityProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.transactions = transactions;
        this.refreshTtl = properties.tokens().refreshTokenTtl();
        this.clock = clock;
    }

    @Override
    public TokenResponse login(LoginRequest request) {
        throttle.ensureNotLocked(request.email());
        Optional<AccountView> account = accounts.verifyCredentials(request.email(), request.password());
        if (account.isEmpty()) {
            throttle.recordFailure(request.email());
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "Bad credentials", "The email or password is wrong");
        }
        throttle.recordSuccess(request.email());
        Instant now = now();
        String refreshSecret = RefreshTokenCodec.newSecret();
        refreshTokens.insert(
                newToken(account.get().id(), UUID.randomUUID(), now), RefreshTokenCodec.hash(refreshSecret));
        return tokens(account.get(), refreshSecret, now);
    }

    @Override
    public TokenResponse refresh(String refreshToken) {
        Instant now = now();
        String nextSecret = RefreshTokenCodec.newSecret();
        Optional<AccountView> account = transactions.execute(status -> rotate(refreshToken, nextSecret, now));
        if (account == null || account.isEmpty()) {
            throw invalidRefreshToken();
        }
        return tokens(account.get(), nextSecret, now);
    }

    @Override
    public void logout(UUID accountId, String refreshToken) {
        refreshTokens
                .findByHash(RefreshTokenCodec.hash(refreshToken))
                .filter(token -> token.accountId().equals(accountId))
                .ifPresent(token -> refreshTokens.revokeFamily(token.familyId(), now()));
    }

    /**
     * Runs in one transaction that commits even when the token is rejected, so a revocation caused by reuse sticks.
     *
     * @return the account to issue tokens for, or empty to reject
     */
    private Optional<AccountView> rotate(String presented, String nextSecret, Instant now) {
        Optional<RefreshTokenRow> found = refreshTokens.findByHash(RefreshTokenCodec.hash(presented));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RefreshTokenRow token = found.get();
        switch (RefreshTokenRules.judge(token, now)) {
            case REVOKED, EXPIRED -> {
                return Optional.empty();
            }
            case REUSED -> {
                revokeForReuse(token, now);
                return Optional.empty();
            }
            case VALID -> {
                // Another request may have exchanged the same token a moment ago: that is reuse too.
                if (!refreshTokens.markUsed(token.id(), now)) {
                    revokeForReuse(token, now);
                    return Optional.empty();
                }
            }
        }
        Optional<AccountView> account = accounts.findActive(token.accountId());
        if (account.isEmpty()) {
            refreshTokens.revokeFamily(token.familyId(), now);
            return Optional.empty();
        }
        refreshTokens.insert(newToken(token.accountId(), token.familyId(), now), RefreshTokenCodec.hash(nextSecret));
        return account;
    }

    private void revokeForReuse(RefreshTokenRow token, Instant now) {
        int revoked = refreshTokens.revokeFamily(token.familyId(), now);
        log.warn(
                "Refresh token reuse for account {}: revoked family {} ({} tokens)",
                token.accountId(),
                token.familyId(),
                revoked);
    }

    private RefreshTokenRow newToken(UUID accountId, UUID familyId, Instant now) {
        return new RefreshTokenRow(UUID.randomUUID(), accountId, familyId, now, now.plus(refreshTtl), null, null);
    }

    private TokenResponse tokens(AccountView account, String refreshSecret, Instant now) {
        return new TokenResponse(
                accessTokens.issue(account, now),
                TokenResponse.BEARER,
                accessTokens.ttl().toSeconds(),
                refreshSecret,
                refreshTtl.toSeconds(),
                account);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static ProblemException invalidRefreshToken() {
        return new ProblemException(
                HttpStatus.UNAUTHORIZED, "Invalid refresh token", "The refresh token is unknown, expired or revoked");
    }
}
