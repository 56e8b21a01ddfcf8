package dev.reel.personalization.catalog.internal;

import dev.reel.events.catalog.TitleSnapshot;
import dev.reel.personalization.catalog.CatalogSnapshot;
import dev.reel.personalization.catalog.CatalogView;
import dev.reel.personalization.catalog.TitleView;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link CatalogView} over the {@code titles} table. Events are applied to the table by whichever instance's consumer
 * owns the partition; every instance reloads the published titles into memory when the table changed (checked every
 * {@code reel.personalization.refresh.catalog}), so requests never read titles from the database.
 */
@Service
class CatalogService implements CatalogView {

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

    private final TitleRepository repository;
    private final Clock clock;
    private volatile CatalogSnapshot snapshot = CatalogSnapshot.EMPTY;
    private TitleRepository.Version loaded = new TitleRepository.Version(-1, Instant.EPOCH);

    CatalogService(TitleRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public CatalogSnapshot snapshot() {
        return snapshot;
    }

    /** Applies one catalog event, once per event id. */
    @Transactional
    boolean apply(UUID eventId, String eventType, Instant occurredAt, TitleSnapshot title) {
        if (!repository.markConsumed(eventId, eventType)) {
            return false;
        }
        repository.upsert(title, occurredAt);
        return true;
    }

    /** Reloads the snapshot when the table changed since the last load. */
    @Scheduled(initialDelayString = "0", fixedDelayString = "${reel.personalization.refresh.catalog:2s}")
    synchronized void refresh() {
        try {
            TitleRepository.Version version = repository.version();
            if (version.equals(loaded)) {
                return;
            }
            Map<UUID, TitleView> titles = new HashMap<>();
            for (TitleView title : repository.published()) {
                titles.put(title.id(), title);
            }
            snapshot = new CatalogSnapshot(snapshot.version() + 1, clock.instant(), titles);
            loaded = version;
            log.debug("catalog view reloaded: {} published titles", titles.size());
        } catch (RuntimeException e) {
            log.warn("catalog view refresh failed; serving the previous one: {}", e.toString());
        }
    }
}
