package dev.reel.catalog.title;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/titles} and {@code PUT /api/v1/titles/{id}} (a PUT replaces every field).
 * Shape is checked by bean validation (400); meaning (known type, maturity label, year range, existing genres)
 * is checked by the service (422).
 *
 * @param type {@code MOVIE} or {@code SERIES}; cannot change once seasons exist
 * @param maturity a label: {@code ALL}, {@code 7+}, {@code 13+}, {@code 16+}, {@code 18+}
 * @param cast names in billing order; null means none
 * @param genreIds existing genre ids; null means none
 * @param artworks images in display order; null means none
 */
public record TitleRequest(
        @NotBlank String type,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = 4000) String synopsis,
        @NotNull Integer year,
        @Nullable @Positive Integer runtimeMinutes,
        @NotBlank String maturity,
        @Nullable @Size(max = 100) List<@NotBlank @Size(max = 200) String> cast,
        @Nullable @Size(max = 20) List<@NotNull UUID> genreIds,
        @Nullable @Size(max = 50) List<@NotNull @Valid ArtworkRequest> artworks) {

    /**
     * One image.
     *
     * @param kind {@code BOXART}, {@code HERO} or {@code LOGO}
     * @param url absolute {@code http(s)} URL or a path starting with {@code /}
     */
    public record ArtworkRequest(
            @NotBlank String kind,
            @NotBlank @Size(max = 2048) String url,
            @Nullable @Positive Integer width,
            @Nullable @Positive Integer height) {}
}
