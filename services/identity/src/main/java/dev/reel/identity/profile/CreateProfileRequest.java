package dev.reel.identity.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/profiles}.
 *
 * @param name 1 to 40 characters, unique within the account (ignoring case); surrounding blanks are dropped
 * @param avatar a short avatar id, {@code default} when null
 * @param language a BCP 47 tag, {@code en} when null
 * @param kids whether this is a kids profile, false when null
 * @param maturityCeiling a maturity label; when null 7+ for kids and 18+ otherwise; above 7+ is refused for kids
 */
public record CreateProfileRequest(
        @NotBlank @Size(max = ProfileConstraints.NAME_MAX) String name,

        @Nullable @Pattern(regexp = ProfileConstraints.AVATAR)
        String avatar,

        @Nullable @Pattern(regexp = ProfileConstraints.LANGUAGE)
        String language,

        @Nullable Boolean kids,

        @Nullable @Pattern(regexp = ProfileConstraints.MATURITY)
        String maturityCeiling) {}
