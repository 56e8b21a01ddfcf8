package dev.reel.playback.title.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.reel.events.Maturity;
import dev.reel.kit.web.ProblemException;
import dev.reel.playback.PlaybackProperties;
import dev.reel.playback.title.CatalogTitle;
import dev.reel.playback.title.CatalogTitles;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;

/**
 * {@link CatalogTitles} backed by the catalog, asked on every play. The last published answer per title is kept for
 * {@code reel.playback.caches.titles} and only used while the catalog is unavailable; a 404 or an unpublished answer
 * forgets it.
 */
@Service
class CachedCatalogTitles implements CatalogTitles {

    private static final Logger log = LoggerFactory.getLogger(CachedCatalogTitles.class);

    private static final String PUBLISHED = "PUBLISHED";
    private static final String SERIES = "SERIES";

    private final TitleApi catalog;
    private final Cache<UUID, CatalogTitle> lastKnown;

    CachedCatalogTitles(TitleApi catalog, PlaybackProperties properties) {
        this.catalog = catalog;
        this.lastKnown = Caffeine.newBuilder()
                .expireAfterWrite(properties.caches().titles())
                .maximumSize(properties.caches().maxEntries())
                .build();
    }

    @Override
    public CatalogTitle published(UUID titleId) {
        TitleResponse response;
        try {
            response = catalog.title(titleId);
        } catch (HttpClientErrorException.NotFound e) {
            lastKnown.invalidate(titleId);
            throw notFound(titleId);
        }
        if (response == TitleApiFallback.UNAVAILABLE) {
            CatalogTitle cached = lastKnown.getIfPresent(titleId);
            if (cached == null) {
                throw new ProblemException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Catalog unavailable",
                        "Titles cannot be checked right now; try again shortly");
            }
            log.warn("catalog unavailable; playing title {} as last seen", titleId);
            return cached;
        }
        if (!PUBLISHED.equals(response.state())) {
            lastKnown.invalidate(titleId);
            throw notFound(titleId);
        }
        CatalogTitle title = titleOf(titleId, response);
        lastKnown.put(titleId, title);
        return title;
    }

    /**
     * An unknown maturity label fails safe to 18+; media without a version is not playable; only a {@code SERIES}
     * has episodes (ids missing from the answer are skipped).
     */
    static CatalogTitle titleOf(UUID titleId, TitleResponse response) {
        Maturity maturity = response.maturity() == null
                ? Maturity.EIGHTEEN_PLUS
                : Maturity.fromLabel(response.maturity()).orElse(Maturity.EIGHTEEN_PLUS);
        TitleResponse.Media media = response.media();
        String version = media == null ? null : media.originVersion();
        boolean playable = Boolean.TRUE.equals(response.playable()) && version != null && !version.isBlank();
        int maxHeight = media == null || media.maxHeight() == null ? 0 : media.maxHeight();
        long durationSeconds = media == null || media.durationSeconds() == null ? 0 : media.durationSeconds();
        boolean series = SERIES.equals(response.type());
        return new CatalogTitle(
                Objects.requireNonNullElse(response.id(), titleId),
                Objects.requireNonNullElse(response.name(), ""),
                maturity,
                playable,
                playable ? version : null,
                playable ? maxHeight : 0,
                playable ? Math.max(0, durationSeconds) * 1000 : 0,
                series,
                series ? episodeIds(response.seasons()) : Set.of());
    }

    private static Set<UUID> episodeIds(@Nullable List<TitleResponse.Season> seasons) {
        Set<UUID> ids = new HashSet<>();
        for (TitleResponse.Season season : seasons == null ? List.<TitleResponse.Season>of() : seasons) {
            if (season == null || season.episodes() == null) {
                continue;
            }
            for (TitleResponse.Episode episode : season.episodes()) {
                if (episode != null && episode.id() != null) {
                    ids.add(episode.id());
                }
            }
        }
        return ids;
    }

    private static ProblemException notFound(UUID titleId) {
        return ProblemException.notFound("No published title " + titleId);
    }
}
