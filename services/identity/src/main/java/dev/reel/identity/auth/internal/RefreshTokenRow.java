package dev.reel.identity.auth.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code refresh_tokens}. Tokens of one login share a {@code familyId}; each rotation adds a row to the
 * family and marks the presented one used.
 */
record RefreshTokenRow(
        UUID id,
        UUID accountId,
        UUID familyId,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Instant usedAt,
        @Nullable Instant revokedAt) {}
