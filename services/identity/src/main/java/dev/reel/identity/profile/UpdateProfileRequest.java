package dev.reel.identity.profile;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PATCH /api/v1/profiles/{id}}; a null field keeps its current value.
 *
 * @param name 1 to 40 characters, unique within the account (ignoring case)
 * @param avatar a short avatar id
 * @param language a BCP 47 tag
 * @param kids switching to kids lowers the ceiling to 7+ unless a lower one is given; switching back keeps the
 *     current ceiling
 * @param maturityCeiling a maturity label; above 7+ is refused for a kids profile
 */
public record UpdateProfileRequest(
        @Nullable @Size(min = 1, max = ProfileConstraints.NAME_MAX) @Pattern(regexp = ProfileConstraints.NOT_BLANK)
        String name,

        @Nullable @Pattern(regexp = ProfileConstraints.AVATAR)
        String avatar,

        @Nullable @Pattern(regexp = ProfileConstraints.LANGUAGE)
        String language,

        @Nullable Boolean kids,

        @Nullable @Pattern(regexp = ProfileConstraints.MATURITY)
        String maturityCeiling) {}
