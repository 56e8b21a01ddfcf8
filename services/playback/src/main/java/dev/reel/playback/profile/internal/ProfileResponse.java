package dev.reel.playback.profile.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The fields of identity's profile representation playback relies on; others are ignored.
 *
 * @param maturityCeiling a maturity label ({@code 13+})
 * @param kids whether this is a kids profile (never above 7+)
 */
public record ProfileResponse(
        @Nullable UUID id,
        @Nullable String maturityCeiling,
        @Nullable Boolean kids) {}
