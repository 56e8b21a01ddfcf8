package dev.reel.catalog.title.internal;

import dev.reel.catalog.title.ArtworkKind;
import dev.reel.catalog.title.TitleType;
import dev.reel.events.Maturity;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A {@link dev.reel.catalog.title.TitleRequest} that passed {@link TitleRules}: typed, trimmed, de-duplicated. Genre
 * ids are not yet known to exist.
 */
record ValidTitle(
        TitleType type,
        String name,
        String synopsis,
        int year,
        @Nullable Integer runtimeMinutes,
        Maturity maturity,
        List<String> cast,
        List<UUID> genreIds,
        List<ValidArtwork> artworks) {

    record ValidArtwork(
            ArtworkKind kind,
            String url,
            @Nullable Integer width,
            @Nullable Integer height) {}
}
