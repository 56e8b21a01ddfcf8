package dev.reel.playback.title;

import dev.reel.events.Maturity;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A published title as the catalog describes it.
 *
 * @param id the title id (also the origin title id, as a lower-case string)
 * @param name the title's name
 * @param maturity its rating
 * @param playable whether the catalog knows encoded media for it
 * @param originVersion the origin version holding the media; null when not playable
 * @param maxHeight the tallest encoded rendition in pixels; 0 when not playable
 */
public record CatalogTitle(
        UUID id,
        String name,
        Maturity maturity,
        boolean playable,
        @Nullable String originVersion,
        int maxHeight) {}
