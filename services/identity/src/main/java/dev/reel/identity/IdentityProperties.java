package dev.reel.identity;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the identity service, bound from {@code reel.identity.*}.
 *
 * @param tokens lifetimes and issuer of access and refresh tokens
 * @param lockout brute-force protection per account email
 * @param profiles profile limits
 * @param passwords password hashing limits
 * @param bootstrapAdmin the first administrator, created on start-up when both email and password are set
 */
@ConfigurationProperties("reel.identity")
public record IdentityProperties(
        @DefaultValue Tokens tokens,
        @DefaultValue Lockout lockout,
        @DefaultValue Profiles profiles,
        @DefaultValue Passwords passwords,
        @DefaultValue BootstrapAdmin bootstrapAdmin) {

    /**
     * Token settings.
     *
     * @param issuer the {@code iss} claim of every access token
     * @param accessTokenTtl lifetime of an access token
     * @param refreshTokenTtl lifetime of a refresh token; each rotation starts a new lifetime
     */
    public record Tokens(
            @DefaultValue("reel-identity") String issuer,
            @DefaultValue("15m") Duration accessTokenTtl,
            @DefaultValue("30d") Duration refreshTokenTtl) {}

    /**
     * Brute-force protection: after {@code maxFailures} consecutive failed logins for one email the email is
     * locked for {@code initialLock}; every further failure doubles the lock, up to {@code maxLock}. A success
     * resets the counter.
     *
     * @param maxFailures consecutive failures that trigger the first lock
     * @param initialLock duration of the first lock
     * @param maxLock longest lock
     */
    public record Lockout(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("1m") Duration initialLock,
            @DefaultValue("15m") Duration maxLock) {}

    /**
     * Profile settings.
     *
     * @param maxPerAccount how many profiles one account may have
     */
    public record Profiles(@DefaultValue("5") int maxPerAccount) {}

    /**
     * Password hashing. Each Argon2 hash takes 16 MiB and one core for tens of milliseconds, so the number of hashes
     * running at once is bounded; a request that waits longer than {@code maxWait} for a slot gets a 503.
     *
     * @param maxConcurrent hashes at once; 0 means one per available processor
     * @param maxWait longest wait for a slot
     */
    public record Passwords(
            @DefaultValue("0") int maxConcurrent,
            @DefaultValue("5s") Duration maxWait) {

        /** {@code maxConcurrent}, or the number of available processors when it is 0 or less. */
        public int effectiveMaxConcurrent() {
            return maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * The first administrator. The launcher passes {@code REEL_IDENTITY_BOOTSTRAP_ADMIN_EMAIL} and
     * {@code REEL_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD} as environment variables.
     *
     * @param email the administrator's email, or null or blank to skip
     * @param password the administrator's password, or null or blank to skip
     * @param displayName the administrator's display name
     */
    public record BootstrapAdmin(
            @Nullable String email,
            @Nullable String password,
            @DefaultValue("Admin") String displayName) {

        /** Whether both email and password are set. */
        public boolean configured() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }
    }
}
