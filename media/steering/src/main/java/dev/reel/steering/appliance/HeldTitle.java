package dev.reel.steering.appliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

/**
 * The objects of one title version an appliance holds, as it reports them.
 *
 * @param titleId the origin title id
 * @param version the origin version, or null for objects under unversioned paths
 * @param bytes the bytes held
 * @param objects the objects held
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HeldTitle(
        @NotBlank String titleId,
        @Nullable String version,
        @PositiveOrZero long bytes,
        @PositiveOrZero long objects) {}
