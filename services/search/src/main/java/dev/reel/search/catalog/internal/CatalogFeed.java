package dev.reel.search.catalog.internal;

import dev.reel.events.Maturity;
import dev.reel.events.ReelEvent;
import dev.reel.events.Topics;
import dev.reel.events.catalog.TitlePublished;
import dev.reel.events.catalog.TitleSnapshot;
import dev.reel.events.catalog.TitleUpdated;
import dev.reel.kit.events.EventReader;
import dev.reel.search.index.IndexedTitle;
import dev.reel.search.index.TitleIndex;
import dev.reel.search.replay.ReplayStatus;
import dev.reel.search.replay.TopicReplay;
import dev.reel.search.replay.TopicReplays;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the title index equal to the published catalog. Every {@link TitlePublished} or {@link TitleUpdated} carries
 * the title's full snapshot: a published one is (re)indexed, an unpublished one removed. A snapshot older than the
 * last one applied for its title ({@code occurredAt}) is ignored, so a redelivered or reordered event changes nothing.
 *
 * <p>Readiness: Spring Boot marks the application ready once it has started; while the replay has not caught up this
 * feed turns that back into {@link ReadinessState#REFUSING_TRAFFIC}, and announces {@link
 * ReadinessState#ACCEPTING_TRAFFIC} once it has (after a blocking index refresh, so a ready instance answers with the
 * whole catalog).
 */
@Component
class CatalogFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CatalogFeed.class);
    private static final String PUBLISHED = TitlePublished.class.getSimpleName();
    private static final String UPDATED = TitleUpdated.class.getSimpleName();

    private final TitleIndex index;
    private final EventReader events;
    private final ApplicationEventPublisher publisher;
    private final TopicReplay replay;
    private final Map<UUID, Instant> applied = new ConcurrentHashMap<>();
    private final Object readinessLock = new Object();

    private volatile boolean running;
    private volatile boolean ready;
    private boolean refused;

    CatalogFeed(TopicReplays replays, TitleIndex index, EventReader events, ApplicationEventPublisher publisher) {
        this.index = index;
        this.events = events;
        this.publisher = publisher;
        this.replay = replays.create(Topics.CATALOG_TITLES, this::apply, this::caughtUp);
    }

    /** Whether the replay caught up and the index holds the catalog as of start. */
    boolean ready() {
        return ready;
    }

    ReplayStatus status() {
        return replay.status();
    }

    void apply(ConsumerRecord<String, String> record) {
        String type = events.type(record);
        ReelEvent event;
        TitleSnapshot title;
        if (PUBLISHED.equals(type)) {
            TitlePublished e = events.read(record, TitlePublished.class, TitlePublished.SCHEMA_VERSION);
            event = e;
            title = e == null ? null : e.title();
        } else if (UPDATED.equals(type)) {
            TitleUpdated e = events.read(record, TitleUpdated.class, TitleUpdated.SCHEMA_VERSION);
            event = e;
            title = e == null ? null : e.title();
        } else {
            return;
        }
        if (event == null) {
            return;
        }
        if (title == null || title.titleId() == null || title.name() == null) {
            log.warn("skipped {} {}: no title snapshot, id or name", type, event.eventId());
            return;
        }
        UUID id = title.titleId();
        Instant last = applied.get(id);
        if (last != null && event.occurredAt().isBefore(last)) {
            log.debug("skipped {} {} for {}: older than the snapshot applied", type, event.eventId(), id);
            return;
        }
        applied.put(id, event.occurredAt());
        if (title.published()) {
            index.put(indexed(title));
        } else {
            index.remove(id);
        }
    }

    /** The snapshot as indexed: an unknown maturity label counts as 18+, so it is hidden rather than shown. */
    static IndexedTitle indexed(TitleSnapshot title) {
        List<String> artwork = title.artworkUrls() == null ? List.of() : title.artworkUrls();
        return new IndexedTitle(
                title.titleId(),
                title.type() == null ? "MOVIE" : title.type(),
                title.name(),
                title.synopsis() == null ? "" : title.synopsis(),
                title.year(),
                title.maturity() == null
                        ? Maturity.EIGHTEEN_PLUS
                        : Maturity.fromLabel(title.maturity()).orElse(Maturity.EIGHTEEN_PLUS),
                title.genres() == null ? List.of() : title.genres(),
                title.cast() == null ? List.of() : title.cast(),
                artwork.isEmpty() ? null : artwork.getFirst());
    }

    private void caughtUp() {
        index.refresh();
        ReplayStatus status = replay.status();
        long millis = Duration.between(status.startedAt(), Instant.now()).toMillis();
        log.info(
                "search index rebuilt from {}: {} records, {} titles in {} ms",
                Topics.CATALOG_TITLES,
                status.records(),
                index.size(),
                millis);
        synchronized (readinessLock) {
            ready = true;
            if (refused) {
                AvailabilityChangeEvent.publish(publisher, this, ReadinessState.ACCEPTING_TRAFFIC);
            }
        }
    }

    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC) {
            return;
        }
        synchronized (readinessLock) {
            if (!ready) {
                refused = true;
                log.info("not ready: replaying {}", Topics.CATALOG_TITLES);
                AvailabilityChangeEvent.publish(publisher, this, ReadinessState.REFUSING_TRAFFIC);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        replay.start();
    }

    @Override
    public void stop() {
        running = false;
        replay.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
