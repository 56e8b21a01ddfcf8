package dev.reel.personalization.artwork.internal;

import dev.reel.events.engagement.ImpressionItem;
import dev.reel.personalization.artwork.ArtworkChooser;
import dev.reel.personalization.artwork.ThompsonSampling;
import dev.reel.personalization.catalog.TitleView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The artwork bandit: counts impressions and clicks per (title, artwork) from client engagement events, and chooses
 * with {@link ThompsonSampling} from an in-memory copy of the counts reloaded every {@code
 * reel.personalization.refresh.artwork}. An artwork the title no longer lists is ignored; one never shown starts at
 * {@code Beta(1, 1)}.
 */
@Service
class ArtworkService implements ArtworkChooser {

    private static final Logger log = LoggerFactory.getLogger(ArtworkService.class);
    private static final long MILLIS_PER_HOUR = 3_600_000L;

    private final ArtworkRepository repository;
    private volatile Map<UUID, Map<String, ThompsonSampling.Arm>> counts = Map.of();

    ArtworkService(ArtworkRepository repository) {
        this.repository = repository;
    }

    @Override
    public @Nullable String choose(UUID profileId, TitleView title, Instant now) {
        List<String> artworks = title.artworkUrls();
        if (artworks.isEmpty()) {
            return null;
        }
        if (artworks.size() == 1) {
            return artworks.getFirst();
        }
        Map<String, ThompsonSampling.Arm> known = counts.getOrDefault(title.id(), Map.of());
        List<ThompsonSampling.Arm> arms = new ArrayList<>(artworks.size());
        for (String artwork : artworks) {
            arms.add(known.getOrDefault(artwork, ThompsonSampling.Arm.NONE));
        }
        long hour = Math.floorDiv(now.toEpochMilli(), MILLIS_PER_HOUR);
        return artworks.get(ThompsonSampling.choose(arms, ThompsonSampling.seed(profileId, title.id(), hour)));
    }

    /** Counts one impression per item that names its artwork, once per event id. */
    @Transactional
    boolean impressed(UUID eventId, String type, List<ImpressionItem> items) {
        if (!repository.markConsumed(eventId, type)) {
            return false;
        }
        Map<Key, Long> impressions = new HashMap<>();
        for (ImpressionItem item : items) {
            if (item.titleId() != null
                    && item.artworkUrl() != null
                    && !item.artworkUrl().isBlank()) {
                impressions.merge(new Key(item.titleId(), item.artworkUrl()), 1L, Long::sum);
            }
        }
        impressions.forEach((key, n) -> repository.add(key.titleId(), key.artworkUrl(), n, 0));
        return true;
    }

    /** Counts one click when the event names the artwork, once per event id. */
    @Transactional
    boolean clicked(UUID eventId, String type, UUID titleId, @Nullable String artworkUrl) {
        if (!repository.markConsumed(eventId, type)) {
            return false;
        }
        if (artworkUrl != null && !artworkUrl.isBlank()) {
            repository.add(titleId, artworkUrl, 0, 1);
        }
        return true;
    }

    private record Key(UUID titleId, String artworkUrl) {}

    @Scheduled(initialDelayString = "0", fixedDelayString = "${reel.personalization.refresh.artwork:5s}")
    void refresh() {
        try {
            counts = repository.all();
        } catch (RuntimeException e) {
            log.warn("artwork counts refresh failed; serving the previous ones: {}", e.toString());
        }
    }
}
