package dev.reel.viewing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.events.ReelEvent;
import dev.reel.events.Topics;
import dev.reel.events.catalog.EpisodeRef;
import dev.reel.events.catalog.TitlePublished;
import dev.reel.events.catalog.TitleSnapshot;
import dev.reel.events.playback.PlaybackHeartbeat;
import dev.reel.events.playback.PlaybackStarted;
import dev.reel.events.playback.PlaybackStopped;
import dev.reel.kit.events.EventHeaders;
import dev.reel.testkit.IdentityStandIn;
import dev.reel.testkit.TestHttp;
import dev.reel.testkit.TestInfra;
import dev.reel.testkit.TestTokenDecoder;
import dev.reel.testkit.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on embedded PostgreSQL and a KRaft broker (libs/testkit). Catalog snapshots and playback facts are
 * produced onto the broker as real records, with the headers the kit's outbox relay writes; identity is a local
 * stand-in in (simple) discovery. Each test uses its own accounts, profiles and titles, so tests never see each
 * other's state.
 */
@SpringBootTest(
        classes = {ViewingApplication.class, TestTokenDecoder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewingIT {

    private static final String GROUP = "viewing-it";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long MINUTE = 60_000;
    private static final IdentityStandIn IDENTITY = new IdentityStandIn();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) throws Exception {
        TestInfra.registerPostgres(registry, "viewing");
        TestInfra.registerKafka(registry);
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        registry.add("test.identity.port", IDENTITY::port);
        TestInfra.createTopics(Topics.PLAYBACK_SESSIONS, Topics.CATALOG_TITLES);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    private TestHttp api;
    private Admin admin;

    @BeforeAll
    void setUp() {
        api = new TestHttp(port);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrapServers()));
    }

    @AfterAll
    void tearDown() {
        admin.close();
        IDENTITY.close();
    }

    // --- play, heartbeats, stop ------------------------------------------------------------------------------------

    @Test
    void playHeartbeatsAndStopGiveTheBookmarkAndTheContinueWatchingEntryAndAReplayChangesNothing() {
        Viewer viewer = viewer("18+", false);
        UUID movie = publishMovie("Heat", "16+", 10);
        Session session =
                new Session(viewer, movie, null, 10 * MINUTE, Instant.now().minus(1, ChronoUnit.HOURS));

        List<RecordMetadata> sent = new ArrayList<>();
        List<ReelEvent> events = List.of(
                session.started(0),
                session.heartbeat(60, 60_000),
                session.heartbeat(120, 120_000),
                session.stopped(150, 150_000));
        for (ReelEvent event : events) {
            sent.add(produce(Topics.PLAYBACK_SESSIONS, event));
        }
        awaitProcessed(sent.getLast());

        JsonNode bookmark = bookmark(viewer, movie, null).ok(200);
        assertThat(bookmark.path("positionMillis").asLong()).isEqualTo(150_000);
        assertThat(bookmark.path("durationMillis").asLong()).isEqualTo(10 * MINUTE);
        assertThat(bookmark.path("watched").asBoolean()).isFalse();
        assertThat(bookmark.path("episodeId").isNull()).isTrue();
        assertThat(Instant.parse(bookmark.path("updatedAt").asString())).isEqualTo(session.at(150));

        JsonNode continueWatching = get(viewer, "/api/v1/viewing/continue").ok(200);
        assertThat(continueWatching.path("totalItems").asLong()).isEqualTo(1);
        JsonNode entry = continueWatching.path("items").get(0);
        assertThat(entry.path("titleId").asString()).isEqualTo(movie.toString());
        assertThat(entry.path("titleName").asString()).isEqualTo("Heat");
        assertThat(entry.path("type").asString()).isEqualTo("MOVIE");
        assertThat(entry.path("positionMillis").asLong()).isEqualTo(150_000);
        assertThat(entry.path("progress").asDouble()).isEqualTo(0.25);
        assertThat(entry.path("nextEpisode").asBoolean()).isFalse();

        JsonNode history = get(viewer, "/api/v1/viewing/history").ok(200);
        assertThat(history.path("totalItems").asLong()).isEqualTo(1);
        JsonNode watched = history.path("items").get(0);
        assertThat(watched.path("titleName").asString()).isEqualTo("Heat");
        assertThat(watched.path("watched").asBoolean()).isFalse();
        assertThat(Instant.parse(watched.path("firstWatchedAt").asString())).isEqualTo(session.at(0));
        assertThat(Instant.parse(watched.path("lastWatchedAt").asString())).isEqualTo(session.at(150));
        assertThat(watched.path("watchedMillis").asLong()).isEqualTo(150_000);

        // The same records again (a redelivery after a crash, or a producer retry): nothing changes.
        RecordMetadata last = null;
        for (ReelEvent event : events) {
            last = produce(Topics.PLAYBACK_SESSIONS, event);
        }
        awaitProcessed(last);
        assertThat(bookmark(viewer, movie, null).ok(200)).isEqualTo(bookmark);
        assertThat(get(viewer, "/api/v1/viewing/continue").ok(200)).isEqualTo(continueWatching);
        assertThat(get(viewer, "/api/v1/viewing/history").ok(200)).isEqualTo(history);
    }

    @Test
    void aDurationTheEventLeavesUnknownComesFromTheCatalog() {
        Viewer viewer = viewer("18+", false);
        UUID movie = publishMovie("Ronin", "16+", 100);
        Session session = new Session(viewer, movie, null, 0, Instant.now().minus(1, ChronoUnit.HOURS));
        produce(Topics.PLAYBACK_SESSIONS, session.started(0));
        awaitProcessed(produce(Topics.PLAYBACK_SESSIONS, session.heartbeat(60, 50 * MINUTE)));

        JsonNode bookmark = bookmark(viewer, movie, null).ok(200);
        assertThat(bookmark.path("durationMillis").asLong()).isEqualTo(100 * MINUTE);
        JsonNode entry =
                get(viewer, "/api/v1/viewing/continue").ok(200).path("items").get(0);
        assertThat(entry.path("progress").asDouble()).isEqualTo(0.5);
    }

    @Test
    void anEpisodeWatchedToNinetyPercentIsWatchedAndTheNextEpisodeIsOffered() {
        Viewer viewer = viewer("18+", false);
        UUID e1 = UUID.randomUUID();
        UUID e2 = UUID.randomUUID();
        UUID show = publish(
                "SERIES",
                "The Wire",
                "16+",
                null,
                List.of(new EpisodeRef(e2, 1, 2, "The Detail", 50), new EpisodeRef(e1, 1, 1, "The Target", 60)));
        Session session =
                new Session(viewer, show, e1, 60 * MINUTE, Instant.now().minus(2, ChronoUnit.HOURS));
        produce(Topics.PLAYBACK_SESSIONS, session.started(0));
        awaitProcessed(produce(Topics.PLAYBACK_SESSIONS, session.heartbeat(60, 20 * MINUTE)));

        JsonNode inProgress =
                get(viewer, "/api/v1/viewing/continue").ok(200).path("items").get(0);
        assertThat(inProgress.path("episodeId").asString()).isEqualTo(e1.toString());
        assertThat(inProgress.path("seasonNumber").asInt()).isEqualTo(1);
        assertThat(inProgress.path("episodeNumber").asInt()).isEqualTo(1);
        assertThat(inProgress.path("episodeName").asString()).isEqualTo("The Target");
        assertThat(inProgress.path("nextEpisode").asBoolean()).isFalse();

        // 54 of 60 minutes is exactly 90%.
        awaitProcessed(produce(Topics.PLAYBACK_SESSIONS, session.stopped(120, 54 * MINUTE)));
        assertThat(bookmark(viewer, show, e1).ok(200).path("watched").asBoolean())
                .isTrue();
        JsonNode next = get(viewer, "/api/v1/viewing/continue").ok(200);
        assertThat(next.path("totalItems").asLong()).isEqualTo(1);
        JsonNode entry = next.path("items").get(0);
        assertThat(entry.path("titleName").asString()).isEqualTo("The Wire");
        assertThat(entry.path("type").asString()).isEqualTo("SERIES");
        assertThat(entry.path("episodeId").asString()).isEqualTo(e2.toString());
        assertThat(entry.path("episodeNumber").asInt()).isEqualTo(2);
        assertThat(entry.path("episodeName").asString()).isEqualTo("The Detail");
        assertThat(entry.path("positionMillis").asLong()).isZero();
        assertThat(entry.path("durationMillis").asLong()).isEqualTo(50 * MINUTE);
        assertThat(entry.path("progress").asDouble()).isZero();
        assertThat(entry.path("nextEpisode").asBoolean()).isTrue();
        bookmark(viewer, show, e2).problem(404);

        JsonNode history =
                get(viewer, "/api/v1/viewing/history").ok(200).path("items").get(0);
        assertThat(history.path("episodeId").asString()).isEqualTo(e1.toString());
        assertThat(history.path("seasonNumber").asInt()).isEqualTo(1);
        assertThat(history.path("episodeNumber").asInt()).isEqualTo(1);
        assertThat(history.path("watched").asBoolean()).isTrue();

        // The last episode watched: the series leaves Continue Watching.
        Session finale =
                new Session(viewer, show, e2, 50 * MINUTE, Instant.now().minus(1, ChronoUnit.HOURS));
        produce(Topics.PLAYBACK_SESSIONS, finale.started(0));
        awaitProcessed(produce(Topics.PLAYBACK_SESSIONS, finale.stopped(60, 49 * MINUTE)));
        assertThat(get(viewer, "/api/v1/viewing/continue")
                        .ok(200)
                        .path("totalItems")
                        .asLong())
                .isZero();
        assertThat(get(viewer, "/api/v1/viewing/history")
                        .ok(200)
                        .path("totalItems")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void aFullyWatchedMovieLeavesContinueWatching() {
        Viewer viewer = viewer("18+", false);
        UUID movie = publishMovie("Alien", "16+", 100);
        Session session =
                new Session(viewer, movie, null, 100 * MINUTE, Instant.now().minus(3, ChronoUnit.HOURS));
        produce(Topics.PLAYBACK_SESSIONS, session.started(0));
        awaitProcessed(produce(Topics.PLAYBACK_SESSIONS, session.heartbeat(60, 40 * MINUTE)));
        assertThat(get(viewer, "/api/v1/viewing/continue")
                        .ok(200)
                        .path("totalItems")
                        .asLong())
                .isEqualTo(1);

        awaitProcessed(produce(Topics.PLAYBACK_SESSIONS, session.stopped(120, 95 * MINUTE)));
        assertThat(get(viewer, "/api/v1/viewing/continue")
                        .ok(200)
                        .path("totalItems")
                        .asLong())
                .isZero();
        assertThat(bookmark(viewer, movie, null).ok(200).path("watched").asBoolean())
                .isTrue();
    }

    @Test
    void anOutOfOrderHeartbeatNeverMovesTheBookmarkBack() {
        Viewer viewer = viewer("18+", false);
        UUID movie = publishMovie("Brazil", "13+", 100);
        Session session =
                new Session(viewer, movie, null, 100 * MINUTE, Instant.now().minus(1, ChronoUnit.HOURS));
        produce(Topics.PLAYBACK_SESSIONS, session.started(0));
        produce(Topics.PLAYBACK_SESSIONS, session.heartbeat(20, 20 * MINUTE));
        // Happened before the previous heartbeat, arrives after it.
        awaitProcessed(produce(Topics.PLAYBACK_SESSIONS, session.heartbeat(10, 10 * MINUTE)));

        JsonNode bookmark = bookmark(viewer, movie, null).ok(200);
        assertThat(bookmark.path("positionMillis").asLong()).isEqualTo(20 * MINUTE);
        assertThat(Instant.parse(bookmark.path("updatedAt").asString())).isEqualTo(session.at(20));
    }

    // --- removal ---------------------------------------------------------------------------------------------------

    @Test
    void removingATitleClearsItAndEarlierEventsNeverBringItBack() {
        Viewer viewer = viewer("18+", false);
        UUID movie = publishMovie("Solaris", "13+", 100);
        UUID kept = publishMovie("Stalker", "13+", 100);
        Session session =
                new Session(viewer, movie, null, 100 * MINUTE, Instant.now().minus(1, ChronoUnit.HOURS));
        Session other =
                new Session(viewer, kept, null, 100 * MINUTE, Instant.now().minus(1, ChronoUnit.HOURS));
        produce(Topics.PLAYBACK_SESSIONS, other.started(0));
        produce(Topics.PLAYBACK_SESSIONS, other.heartbeat(60, 10 * MINUTE));
        produce(Topics.PLAYBACK_SESSIONS, session.started(0));
        awaitProcessed(produce(Topics.PLAYBACK_SESSIONS, session.heartbeat(60, 30 * MINUTE)));
        assertThat(get(viewer, "/api/v1/viewing/continue")
                        .ok(200)
                        .path("totalItems")
                        .asLong())
                .isEqualTo(2);

        remove(viewer, movie);
        remove(viewer, movie);

        bookmark(viewer, movie, null).problem(404);
        assertThat(titleIds(get(viewer, "/api/v1/viewing/continue").ok(200))).containsExactly(kept.toString());
        assertThat(titleIds(get(viewer, "/api/v1/viewing/history").ok(200))).containsExactly(kept.toString());

        // A late heartbeat of the session before the removal does not resurrect it.
        awaitProcessed(produce(Topics.PLAYBACK_SESSIONS, session.heartbeat(90, 45 * MINUTE)));
        bookmark(viewer, movie, null).problem(404);
        assertThat(titleIds(get(viewer, "/api/v1/viewing/history").ok(200))).containsExactly(kept.toString());

        // Watching again after the removal starts a new history.
        Session again =
                new Session(viewer, movie, null, 100 * MINUTE, Instant.now().plusSeconds(1));
        produce(Topics.PLAYBACK_SESSIONS, again.started(0));
        awaitProcessed(produce(Topics.PLAYBACK_SESSIONS, again.heartbeat(30, 2 * MINUTE)));
        JsonNode bookmark = bookmark(viewer, movie, null).ok(200);
        assertThat(bookmark.path("positionMillis").asLong()).isEqualTo(2 * MINUTE);
        assertThat(get(viewer, "/api/v1/viewing/history")
                        .ok(200)
                        .path("totalItems")
                        .asLong())
                .isEqualTo(2);
    }

    // --- profiles and pages ----------------------------------------------------------------------------------------

    @Test
    void theProfileMustBeTheCallersOwn() {
        Viewer viewer = viewer("18+", false);
        Viewer stranger = viewer("18+", false);
        UUID title = UUID.randomUUID();

        for (String path :
                List.of("/api/v1/viewing/continue", "/api/v1/viewing/history", "/api/v1/viewing/bookmarks/" + title)) {
            api.get(path)
                    .token(viewer.token())
                    .header("X-Profile-Id", stranger.profile().toString())
                    .send()
                    .problem(404);
            api.get(path).token(viewer.token()).send().problem(400);
            api.get(path)
                    .token(viewer.token())
                    .header("X-Profile-Id", "not-a-uuid")
                    .send()
                    .problem(400);
            api.get(path)
                    .header("X-Profile-Id", viewer.profile().toString())
                    .send()
                    .problem(401);
        }
        api.delete("/api/v1/viewing/history/" + title)
                .token(viewer.token())
                .header("X-Profile-Id", stranger.profile().toString())
                .send()
                .problem(404);
    }

    @Test
    void listsArePaginatedNewestFirst() {
        Viewer viewer = viewer("18+", false);
        List<UUID> movies = new ArrayList<>();
        Instant base = Instant.now().minus(5, ChronoUnit.HOURS);
        RecordMetadata last = null;
        for (int i = 0; i < 3; i++) {
            UUID movie = publishMovie("Film " + i, "13+", 100);
            movies.add(movie);
            Session session = new Session(viewer, movie, null, 100 * MINUTE, base.plus(i, ChronoUnit.HOURS));
            produce(Topics.PLAYBACK_SESSIONS, session.started(0));
            last = produce(Topics.PLAYBACK_SESSIONS, session.heartbeat(60, (i + 1) * MINUTE));
        }
        awaitProcessed(last);

        for (String list : List.of("/api/v1/viewing/continue", "/api/v1/viewing/history")) {
            JsonNode first = get(viewer, list + "?page=0&size=2").ok(200);
            assertThat(first.path("page").asInt()).isZero();
            assertThat(first.path("size").asInt()).isEqualTo(2);
            assertThat(first.path("totalItems").asLong()).isEqualTo(3);
            assertThat(first.path("totalPages").asInt()).isEqualTo(2);
            assertThat(titleIds(first))
                    .containsExactly(movies.get(2).toString(), movies.get(1).toString());
            JsonNode second = get(viewer, list + "?page=1&size=2").ok(200);
            assertThat(titleIds(second)).containsExactly(movies.getFirst().toString());
            assertThat(titleIds(get(viewer, list + "?page=5&size=2").ok(200))).isEmpty();
            get(viewer, list + "?size=101").problem(400);
            get(viewer, list + "?page=-1").problem(400);
        }
    }

    @Test
    void continueWatchingLeavesOutTitlesAboveTheProfilesCeiling() {
        Viewer viewer = viewer("13+", false);
        UUID adult = publishMovie("Adults only", "18+", 100);
        UUID teen = publishMovie("Teens", "13+", 100);
        RecordMetadata last = null;
        for (UUID movie : List.of(adult, teen)) {
            Session session =
                    new Session(viewer, movie, null, 100 * MINUTE, Instant.now().minus(1, ChronoUnit.HOURS));
            produce(Topics.PLAYBACK_SESSIONS, session.started(0));
            last = produce(Topics.PLAYBACK_SESSIONS, session.heartbeat(60, 5 * MINUTE));
        }
        awaitProcessed(last);
        assertThat(titleIds(get(viewer, "/api/v1/viewing/continue").ok(200))).containsExactly(teen.toString());
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private record Viewer(UUID account, String token, UUID profile) {}

    private Viewer viewer(String ceiling, boolean kids) {
        UUID account = UUID.randomUUID();
        return new Viewer(account, TestTokens.member(account), IDENTITY.addProfile(account, ceiling, kids));
    }

    /** One playback session; times are offsets in seconds from {@code start}. */
    private record Session(
            UUID id, Viewer viewer, UUID title, @Nullable UUID episode, long durationMillis, Instant start) {

        Session(Viewer viewer, UUID title, @Nullable UUID episode, long durationMillis, Instant start) {
            this(UUID.randomUUID(), viewer, title, episode, durationMillis, start.truncatedTo(ChronoUnit.MILLIS));
        }

        Instant at(long seconds) {
            return start.plusSeconds(seconds);
        }

        PlaybackStarted started(long seconds) {
            return new PlaybackStarted(
                    UUID.randomUUID(),
                    at(seconds),
                    PlaybackStarted.SCHEMA_VERSION,
                    id,
                    viewer.account(),
                    viewer.profile(),
                    title,
                    "v-1",
                    "desktop",
                    1080,
                    "origin",
                    episode,
                    durationMillis);
        }

        PlaybackHeartbeat heartbeat(long seconds, long positionMillis) {
            return new PlaybackHeartbeat(
                    UUID.randomUUID(),
                    at(seconds),
                    PlaybackHeartbeat.SCHEMA_VERSION,
                    id,
                    viewer.account(),
                    viewer.profile(),
                    title,
                    positionMillis,
                    2_000_000,
                    10_000,
                    0,
                    0,
                    episode,
                    durationMillis);
        }

        PlaybackStopped stopped(long seconds, long positionMillis) {
            return new PlaybackStopped(
                    UUID.randomUUID(),
                    at(seconds),
                    PlaybackStopped.SCHEMA_VERSION,
                    id,
                    viewer.account(),
                    viewer.profile(),
                    title,
                    positionMillis,
                    "STOPPED",
                    episode,
                    durationMillis);
        }
    }

    private UUID publishMovie(String name, String maturity, int runtimeMinutes) {
        return publish("MOVIE", name, maturity, runtimeMinutes, List.of());
    }

    /** Publishes a title on the catalog topic and waits until viewing consumed it. */
    private UUID publish(
            String type, String name, String maturity, @Nullable Integer runtimeMinutes, List<EpisodeRef> episodes) {
        UUID id = UUID.randomUUID();
        var snapshot = new TitleSnapshot(
                id,
                type,
                name,
                "A synopsis",
                2024,
                runtimeMinutes,
                maturity,
                List.of("drama"),
                List.of(),
                List.of(),
                true,
                Instant.now(),
                true,
                episodes);
        awaitProcessed(produce(Topics.CATALOG_TITLES, TitlePublished.of(snapshot)));
        return id;
    }

    private TestHttp.Response get(Viewer viewer, String path) {
        return api.get(path)
                .token(viewer.token())
                .header("X-Profile-Id", viewer.profile().toString())
                .send();
    }

    private TestHttp.Response bookmark(Viewer viewer, UUID title, @Nullable UUID episode) {
        return get(viewer, "/api/v1/viewing/bookmarks/" + title + (episode == null ? "" : "?episodeId=" + episode));
    }

    /** Removes the title from the viewer's history and expects 204 with no body. */
    private void remove(Viewer viewer, UUID title) {
        var response = api.delete("/api/v1/viewing/history/" + title)
                .token(viewer.token())
                .header("X-Profile-Id", viewer.profile().toString())
                .send();
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.raw().body()).isEmpty();
    }

    private static List<String> titleIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("titleId").asString()));
        return ids;
    }

    /** Writes the record the way the kit's outbox relay does: JSON payload, key, and the event headers. */
    private RecordMetadata produce(String topic, ReelEvent event) {
        var record = new ProducerRecord<String, String>(topic, event.key(), json.writeValueAsString(event));
        record.headers().add(EventHeaders.TYPE, bytes(event.getClass().getSimpleName()));
        record.headers().add(EventHeaders.SCHEMA_VERSION, bytes(Integer.toString(event.schemaVersion())));
        record.headers().add(EventHeaders.EVENT_ID, bytes(event.eventId().toString()));
        try {
            return kafka.send(record).get(10, TimeUnit.SECONDS).getRecordMetadata();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce " + record, e);
        }
    }

    /** Waits until the consumer group committed an offset past {@code record}. */
    private void awaitProcessed(@Nullable RecordMetadata record) {
        assertThat(record).isNotNull();
        var partition = new TopicPartition(record.topic(), record.partition());
        long deadline = System.nanoTime() + WAIT.toNanos();
        long committed = -1;
        while (System.nanoTime() < deadline) {
            try {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get(5, TimeUnit.SECONDS);
                OffsetAndMetadata offset = offsets.get(partition);
                committed = offset == null ? -1 : offset.offset();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (committed > record.offset()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("record " + partition + "@" + record.offset() + " not processed within " + WAIT
                + " (committed offset " + committed + ")");
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
