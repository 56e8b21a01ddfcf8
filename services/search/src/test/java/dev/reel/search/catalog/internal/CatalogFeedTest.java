package dev.reel.search.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.events.Maturity;
import dev.reel.events.ReelEvent;
import dev.reel.events.Topics;
import dev.reel.events.catalog.TitlePublished;
import dev.reel.events.catalog.TitleSnapshot;
import dev.reel.events.catalog.TitleUpdated;
import dev.reel.kit.events.EventHeaders;
import dev.reel.kit.events.EventReader;
import dev.reel.search.TestSettings;
import dev.reel.search.index.IndexedTitle;
import dev.reel.search.index.SearchResult;
import dev.reel.search.index.TitleHit;
import dev.reel.search.index.TitleIndex;
import dev.reel.search.replay.TopicReplays;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.json.JsonMapper;

class CatalogFeedTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final MapIndex index = new MapIndex();
    private final CatalogFeed feed = new CatalogFeed(
            new TopicReplays(new KafkaProperties(), TestSettings.defaults(), new StandardEnvironment()),
            index,
            new EventReader(JSON),
            event -> {});
    private long offset;

    @Test
    void publishedTitlesAreIndexedAndUnpublishedOnesRemoved() {
        UUID id = UUID.randomUUID();
        feed.apply(record(new TitlePublished(UUID.randomUUID(), T0, 1, snapshot(id, "Heat", "16+", true))));
        assertThat(index.titles.get(id).name()).isEqualTo("Heat");
        assertThat(index.titles.get(id).maturity()).isEqualTo(Maturity.SIXTEEN_PLUS);
        assertThat(index.titles.get(id).artworkUrl()).isEqualTo("https://img.example/1.jpg");

        feed.apply(
                record(new TitleUpdated(UUID.randomUUID(), T0.plusSeconds(1), 1, snapshot(id, "Heat", "16+", false))));
        assertThat(index.titles).doesNotContainKey(id);
    }

    @Test
    void anOlderSnapshotChangesNothing() {
        UUID id = UUID.randomUUID();
        feed.apply(
                record(new TitleUpdated(UUID.randomUUID(), T0.plusSeconds(10), 1, snapshot(id, "New", "13+", true))));
        feed.apply(record(new TitleUpdated(UUID.randomUUID(), T0, 1, snapshot(id, "Old", "13+", true))));
        feed.apply(
                record(new TitleUpdated(UUID.randomUUID(), T0.plusSeconds(5), 1, snapshot(id, "Old", "13+", false))));

        assertThat(index.titles.get(id).name()).isEqualTo("New");
    }

    @Test
    void unreadableOrForeignRecordsAreSkipped() {
        feed.apply(new ConsumerRecord<>(Topics.CATALOG_TITLES, 0, offset++, "k", "{not json"));
        var noHeader = new ConsumerRecord<>(Topics.CATALOG_TITLES, 0, offset++, "k", "{}");
        feed.apply(noHeader);
        var future = record(new TitlePublished(
                UUID.randomUUID(), T0, 2, snapshot(UUID.randomUUID(), "From the future", "ALL", true)));
        feed.apply(future);

        assertThat(index.titles).isEmpty();
    }

    @Test
    void anUnknownRatingIsTreatedAsAdultsOnly() {
        UUID id = UUID.randomUUID();
        IndexedTitle title = CatalogFeed.indexed(snapshot(id, "Mystery", "PG-13", true));

        assertThat(title.maturity()).isEqualTo(Maturity.EIGHTEEN_PLUS);
    }

    private ConsumerRecord<String, String> record(ReelEvent event) {
        var record =
                new ConsumerRecord<>(Topics.CATALOG_TITLES, 0, offset++, event.key(), JSON.writeValueAsString(event));
        record.headers().add(EventHeaders.TYPE, event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static TitleSnapshot snapshot(UUID id, String name, String maturity, boolean published) {
        return new TitleSnapshot(
                id,
                "MOVIE",
                name,
                "A synopsis.",
                1995,
                170,
                maturity,
                List.of("crime"),
                List.of("Al Pacino"),
                List.of("https://img.example/1.jpg", "https://img.example/2.jpg"),
                published,
                T0,
                false,
                List.of());
    }

    /** Just remembers what was indexed. */
    private static final class MapIndex implements TitleIndex {
        final Map<UUID, IndexedTitle> titles = new ConcurrentHashMap<>();

        @Override
        public void put(IndexedTitle title) {
            titles.put(title.titleId(), title);
        }

        @Override
        public void remove(UUID titleId) {
            titles.remove(titleId);
        }

        @Override
        public void refresh() {}

        @Override
        public int size() {
            return titles.size();
        }

        @Override
        public SearchResult search(String query, Maturity ceiling, int offset, int limit) {
            return new SearchResult(0, List.of());
        }

        @Override
        public List<TitleHit> suggest(String query, Maturity ceiling, int limit) {
            return List.of();
        }
    }
}
