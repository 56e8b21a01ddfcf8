package dev.reel.personalization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.events.ReelEvent;
import dev.reel.events.Topics;
import dev.reel.events.catalog.TitlePublished;
import dev.reel.events.catalog.TitleSnapshot;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personalization against real engines: embedded PostgreSQL and a KRaft broker fed real catalog and playback records,
 * with stand-ins for identity and viewing. Catalog: two planted taste clusters ("action" and "drama", 12 titles each)
 * plus 20 unplayed comedies, and plays that follow the clusters; the model trained through the API must pick from the viewer's own cluster.
 */
@SpringBootTest(
        classes = {PersonalizationApplication.class, TestTokenDecoder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HomeIT {

    private static final IdentityStandIn IDENTITY = new IdentityStandIn();
    private static final ViewingStandIn VIEWING = new ViewingStandIn();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.registerPostgres(registry, "personalization");
        TestInfra.registerKafka(registry);
        registry.add("test.identity.port", IDENTITY::port);
        registry.add("test.viewing.port", VIEWING::port);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    private TestHttp api;
    private final List<UUID> action = new ArrayList<>();
    private final List<UUID> drama = new ArrayList<>();
    private final UUID account = UUID.randomUUID();
    private UUID viewer;

    @BeforeAll
    void setUp() throws Exception {
        api = new TestHttp(port);
        for (int i = 0; i < 12; i++) {
            action.add(publish("Action " + i, "action", i < 2 ? "18+" : "13+"));
            drama.add(publish("Drama " + i, "drama", "13+"));
        }
        // Titles nobody played, so the later rows still have unseen titles for their visible positions.
        for (int i = 0; i < 20; i++) {
            publish("Comedy " + i, "comedy", "13+");
        }
        // 60 profiles: 30 watch action titles, 30 drama titles, each 8 of their cluster.
        var random = new java.util.Random(42);
        Set<List<UUID>> pairs = new HashSet<>();
        for (int p = 0; p < 60; p++) {
            List<UUID> cluster = p % 2 == 0 ? action : drama;
            UUID profile = UUID.randomUUID();
            for (int k = 0; k < 8; k++) {
                UUID title = cluster.get(random.nextInt(cluster.size()));
                pairs.add(List.of(profile, title));
                play(UUID.randomUUID(), profile, title, 0.95);
            }
        }
        viewer = IDENTITY.addProfile(account, "18+", false);
        for (int k = 0; k < 3; k++) {
            pairs.add(List.of(viewer, action.get(2 + k)));
            play(account, viewer, action.get(2 + k), 0.95);
        }
        // Every play applied (the viewer's come last), so training and the viewer's pages see all of them.
        await(() -> jdbc.sql("SELECT count(*) FROM interactions WHERE strength >= 0.9")
                                .query(Long.class)
                                .single()
                        == pairs.size()
                && jdbc.sql("SELECT count(*) FROM titles").query(Long.class).single() == 44);
        Thread.sleep(500);
    }

    @AfterAll
    void tearDown() {
        IDENTITY.close();
        VIEWING.close();
    }

    @Test
    @Order(1)
    void trainingNeedsAnAdminAndPlantedClustersComeBackAsTopPicks() throws Exception {
        api.post("/api/v1/recs/train").token(TestTokens.member(account)).send().problem(403);
        JsonNode trained = api.post("/api/v1/recs/train")
                .token(TestTokens.admin(UUID.randomUUID()))
                .send()
                .ok(200);
        assertThat(trained.path("interactions").asInt()).isGreaterThan(100);
        assertThat(trained.path("items").asInt()).isEqualTo(24);
        Thread.sleep(700);

        VIEWING.put(viewer, action.get(2), 0.4);
        // The instance warmed the viewing client and the page path at start-up: its first page is complete.
        JsonNode home = home(viewer, account).ok(200);
        List<String> ids = new ArrayList<>();
        home.path("rows").forEach(row -> ids.add(row.path("id").asString()));
        assertThat(ids.getFirst()).isEqualTo("continue-watching");
        assertThat(ids).contains("top-picks", "trending", "new-releases");
        assertThat(ids.stream().filter(id -> id.startsWith("genre:"))).isNotEmpty();
        assertThat(ids.stream().filter(id -> id.startsWith("because-you-watched:")))
                .isNotEmpty();
        assertThat(home.path("cells").path("row-ordering").asString()).isIn("model", "popularity");
        assertThat(home.path("degraded")).isEmpty();

        // The first recommendation row (Top Picks or Because You Watched, whichever the page puts first) takes its
        // pick before de-duplication moves titles to later rows. Popularity would give about half of each cluster.
        JsonNode picks = null;
        for (JsonNode row : home.path("rows")) {
            String kind = row.path("kind").asString();
            if (kind.equals("TOP_PICKS") || kind.equals("BECAUSE_YOU_WATCHED")) {
                picks = row;
                break;
            }
        }
        assertThat(picks).isNotNull();
        int fromCluster = 0;
        int total = 0;
        for (JsonNode item : picks.path("items")) {
            total++;
            if (action.contains(UUID.fromString(item.path("titleId").asString()))) {
                fromCluster++;
            }
            if (total == 6) {
                break;
            }
        }
        // libs/recs alone gives 100 % of unseen picks from the cluster at these settings (PlantedClustersTest).
        System.out.printf(
                "first recommendation row %s: %d of %d from the viewer's cluster%n",
                picks.path("id"), fromCluster, total);
        assertThat(fromCluster).as("picks from the viewer's cluster").isEqualTo(6);

        // No title twice within the first 6 positions of all rows.
        Set<String> visible = new HashSet<>();
        for (JsonNode row : home.path("rows")) {
            int i = 0;
            for (JsonNode item : row.path("items")) {
                if (i++ >= 6) {
                    break;
                }
                assertThat(visible.add(item.path("titleId").asString()))
                        .as("repeat in %s", row.path("id").asString())
                        .isTrue();
            }
        }
        assertThat(row(home, "continue-watching")
                        .path("items")
                        .get(0)
                        .path("progress")
                        .asDouble())
                .isEqualTo(0.4);
    }

    @Test
    @Order(2)
    void aKidsProfileSeesNothingAboveItsCeilingAndAColdStart() {
        UUID kidsAccount = UUID.randomUUID();
        UUID kid = IDENTITY.addProfile(kidsAccount, "7+", true);
        JsonNode home = home(kid, kidsAccount).ok(200);
        assertThat(home.path("rows").isEmpty()).isTrue();

        UUID adultAccount = UUID.randomUUID();
        UUID fresh = IDENTITY.addProfile(adultAccount, "13+", false);
        JsonNode cold = home(fresh, adultAccount).ok(200);
        List<String> ids = new ArrayList<>();
        cold.path("rows").forEach(row -> ids.add(row.path("id").asString()));
        assertThat(ids).contains("trending", "new-releases").doesNotContain("top-picks");
        cold.path("rows").forEach(row -> row.path("items")
                .forEach(item -> assertThat(item.path("maturity").asString()).isNotEqualTo("18+")));
    }

    @Test
    @Order(3)
    void viewingDownDegradesContinueWatchingOnly() {
        UUID other = UUID.randomUUID();
        UUID profile = IDENTITY.addProfile(other, "18+", false);
        VIEWING.down(true);
        try {
            JsonNode home = home(profile, other).ok(200);
            assertThat(home.path("degraded").toString()).contains("continue-watching");
            assertThat(home.path("rows").size()).isGreaterThan(1);
        } finally {
            VIEWING.down(false);
        }
    }

    @Test
    @Order(4)
    void exposureIsLoggedOncePerDay() throws Exception {
        UUID other = UUID.randomUUID();
        UUID profile = IDENTITY.addProfile(other, "18+", false);
        String cell =
                home(profile, other).ok(200).path("cells").path("row-ordering").asString();
        assertThat(home(profile, other)
                        .ok(200)
                        .path("cells")
                        .path("row-ordering")
                        .asString())
                .isEqualTo(cell);
        await(() -> jdbc.sql("SELECT count(*) FROM reel_outbox WHERE topic = :t AND record_key = :k")
                        .param("t", Topics.EXPERIMENT_EXPOSURES)
                        .param("k", other.toString())
                        .query(Long.class)
                        .single()
                == 1);
        Thread.sleep(300);
        assertThat(jdbc.sql("SELECT count(*) FROM reel_outbox WHERE topic = :t AND record_key = :k")
                        .param("t", Topics.EXPERIMENT_EXPOSURES)
                        .param("k", other.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    @Order(5)
    void clientEventsAreCheckedAndClicksMoveTheArtwork() throws Exception {
        UUID titled = publishWithArtworks();
        String token = TestTokens.member(account);
        api.post("/api/v1/events")
                .token(token)
                .header("X-Profile-Id", viewer.toString())
                .body(Map.of("events", List.of(Map.of("type", "Nope"))))
                .send()
                .problem(400);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(Map.of("type", "TitleClicked", "titleId", titled.toString()));
        }
        api.post("/api/v1/events")
                .token(token)
                .header("X-Profile-Id", viewer.toString())
                .body(Map.of("events", tooMany))
                .send()
                .problem(413);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(Map.of(
                    "type", "RowImpression",
                    "rowId", "trending",
                    "rowKind", "TRENDING",
                    "rowPosition", 1,
                    "items",
                            List.of(
                                    Map.of(
                                            "titleId",
                                            titled.toString(),
                                            "position",
                                            0,
                                            "artworkUrl",
                                            "https://a/1.jpg"),
                                    Map.of(
                                            "titleId",
                                            titled.toString(),
                                            "position",
                                            1,
                                            "artworkUrl",
                                            "https://a/2.jpg"))));
            events.add(Map.of("type", "TitleClicked", "titleId", titled.toString(), "artworkUrl", "https://a/2.jpg"));
        }
        JsonNode accepted = api.post("/api/v1/events")
                .token(token)
                .header("X-Profile-Id", viewer.toString())
                .body(Map.of("events", events))
                .send()
                .ok(202);
        assertThat(accepted.path("accepted").asInt()).isEqualTo(80);
        await(() -> jdbc.sql("SELECT coalesce(sum(clicks), 0) FROM artwork_stats WHERE title_id = :t")
                        .param("t", titled)
                        .query(Long.class)
                        .single()
                == 40);
        Thread.sleep(500);
        int second = 0;
        for (int i = 0; i < 10; i++) {
            UUID a = UUID.randomUUID();
            UUID p = IDENTITY.addProfile(a, "18+", false);
            JsonNode home = home(p, a).ok(200);
            for (JsonNode row : home.path("rows")) {
                for (JsonNode item : row.path("items")) {
                    if (item.path("titleId").asString().equals(titled.toString())
                            && "https://a/2.jpg".equals(item.path("artworkUrl").asString())) {
                        second++;
                    }
                }
            }
        }
        assertThat(second).isGreaterThanOrEqualTo(9);
    }

    @Test
    @Order(6)
    void fiftyConcurrentProfilesGetTheirPagesQuickly() throws Exception {
        record Viewer(UUID account, UUID profile) {}
        List<Viewer> viewers = new ArrayList<>();
        viewers.add(new Viewer(account, viewer));
        for (int i = 1; i < 50; i++) {
            UUID a = UUID.randomUUID();
            viewers.add(new Viewer(a, IDENTITY.addProfile(a, "18+", false)));
        }
        for (Viewer v : viewers) {
            home(v.profile(), v.account()).ok(200);
        }
        List<Long> micros = java.util.Collections.synchronizedList(new ArrayList<>());
        var degradedPages = new java.util.concurrent.atomic.AtomicInteger();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(50)) {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (Viewer v : viewers) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        long start = System.nanoTime();
                        JsonNode page = home(v.profile(), v.account()).ok(200);
                        micros.add((System.nanoTime() - start) / 1_000);
                        if (!page.path("degraded").isEmpty()) {
                            degradedPages.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (var f : done) {
                f.get();
            }
        }
        List<Long> sorted = new ArrayList<>(micros);
        sorted.sort(null);
        long p50 = sorted.get(sorted.size() / 2);
        long p99 = sorted.get((int) (sorted.size() * 0.99));
        System.out.printf(
                "home latency at 50 concurrent profiles: p50 %.1f ms, p99 %.1f ms over %d pages, %d with degraded rows%n",
                p50 / 1000.0, p99 / 1000.0, sorted.size(), degradedPages.get());
        assertThat(p50).isLessThan(1_000_000);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private TestHttp.Response home(UUID profile, UUID owner) {
        return api.get("/api/v1/home")
                .token(TestTokens.member(owner))
                .header("X-Profile-Id", profile.toString())
                .send();
    }

    private static JsonNode row(JsonNode home, String id) {
        for (JsonNode row : home.path("rows")) {
            if (row.path("id").asString().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("no row " + id + " in " + home);
    }

    private UUID publish(String name, String genre, String maturity) throws Exception {
        UUID id = UUID.randomUUID();
        send(Topics.CATALOG_TITLES, TitlePublished.of(snapshot(id, name, genre, maturity, List.of("https://a/" + id))));
        return id;
    }

    private UUID publishWithArtworks() throws Exception {
        UUID id = UUID.randomUUID();
        send(
                Topics.CATALOG_TITLES,
                TitlePublished.of(
                        snapshot(id, "Two Faces", "thriller", "13+", List.of("https://a/1.jpg", "https://a/2.jpg"))));
        await(() -> jdbc.sql("SELECT count(*) FROM titles WHERE title_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                == 1);
        return id;
    }

    private static TitleSnapshot snapshot(UUID id, String name, String genre, String maturity, List<String> art) {
        return new TitleSnapshot(
                id,
                "MOVIE",
                name,
                "",
                2024,
                100,
                maturity,
                List.of(genre),
                List.of(),
                art,
                true,
                Instant.now(),
                true,
                List.of());
    }

    private void play(UUID accountId, UUID profile, UUID title, double fraction) throws Exception {
        UUID session = UUID.randomUUID();
        long duration = 6_000_000;
        send(
                Topics.PLAYBACK_SESSIONS,
                new PlaybackStarted(
                        UUID.randomUUID(),
                        Instant.now(),
                        PlaybackStarted.SCHEMA_VERSION,
                        session,
                        accountId,
                        profile,
                        title,
                        "v1",
                        "tv",
                        1080,
                        "origin",
                        null,
                        duration));
        send(
                Topics.PLAYBACK_SESSIONS,
                new PlaybackStopped(
                        UUID.randomUUID(),
                        Instant.now(),
                        PlaybackStopped.SCHEMA_VERSION,
                        session,
                        accountId,
                        profile,
                        title,
                        (long) (duration * fraction),
                        "STOPPED",
                        null,
                        duration));
    }

    private void send(String topic, ReelEvent event) throws Exception {
        var record = new ProducerRecord<>(topic, event.key(), json.writeValueAsString(event));
        record.headers().add(EventHeaders.TYPE, event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(100);
        }
    }
}
