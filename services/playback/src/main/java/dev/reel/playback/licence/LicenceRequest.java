package dev.reel.playback.licence;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A W3C ClearKey licence request, as the browser's CDM writes it.
 *
 * @param kids key ids, base64url without padding
 * @param type the session type; only {@code temporary} is supported, and absent means it
 */
public record LicenceRequest(
        @NotEmpty @Size(max = 64) List<@Size(min = 1, max = 64) String> kids,
        @Nullable String type) {}
