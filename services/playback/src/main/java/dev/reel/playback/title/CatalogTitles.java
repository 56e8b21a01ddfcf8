package dev.reel.playback.title;

import java.util.UUID;

/** Looks up titles in the catalog. Must be called on the request thread (it uses the caller's token). */
public interface CatalogTitles {

    /**
     * A published title. While the catalog is unavailable (down, slow, open circuit) the last answer seen for the
     * title is used.
     *
     * @throws dev.reel.kit.web.ProblemException 404 when the title does not exist or is not published; 503 when the
     *     catalog is unavailable and the title was not seen recently
     */
    CatalogTitle published(UUID titleId);
}
