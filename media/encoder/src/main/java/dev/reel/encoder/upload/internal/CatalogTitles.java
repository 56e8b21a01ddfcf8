package dev.reel.encoder.upload.internal;

import dev.reel.kit.client.ResilientClients;
import dev.reel.kit.web.ProblemException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Checks that a title exists by asking the catalog (service id {@value #CATALOG}) through a resilient,
 * discovery-routed client that forwards the caller's token, so an admin's drafts count as existing.
 */
@Component
class CatalogTitles {

    /** Service id of the catalog in discovery. */
    static final String CATALOG = "catalog";

    /** What a caller is told to wait when the catalog cannot answer. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final TitleApi catalog;

    CatalogTitles(ResilientClients clients) {
        this.catalog = clients.create(TitleApi.class, CATALOG, new TitleApiFallback());
    }

    /**
     * Returns normally when the catalog knows the title.
     *
     * @throws ProblemException 404 when the catalog has no such title (or hides it from the caller), 503 with {@code
     *     Retry-After} when the catalog cannot answer, 502 when it refuses the call itself (401 or 403 for the
     *     forwarded token)
     */
    void requireExists(UUID titleId) {
        TitleResponse title;
        try {
            title = catalog.title(titleId);
        } catch (HttpClientErrorException.NotFound e) {
            throw ProblemException.notFound("Title " + titleId + " does not exist");
        } catch (HttpClientErrorException e) {
            throw new ProblemException(
                    HttpStatus.BAD_GATEWAY,
                    "Bad gateway",
                    "The catalog refused to look up title " + titleId + " ("
                            + e.getStatusCode().value() + ")");
        }
        if (title == TitleApiFallback.UNAVAILABLE) {
            ProblemException unavailable = new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service unavailable",
                    "The catalog is unavailable, so title " + titleId + " cannot be checked; try again shortly");
            unavailable.getHeaders().set("Retry-After", Long.toString(RETRY_AFTER.toSeconds()));
            throw unavailable;
        }
    }
}
