package dev.reel.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.reel.events.ReelEvent;
import dev.reel.events.Topics;
import dev.reel.events.catalog.TitlePublished;
import dev.reel.events.catalog.TitleSnapshot;
import dev.reel.events.catalog.TitleUpdated;
import dev.reel.events.playback.PlaybackStarted;
import dev.reel.kit.events.EventHeaders;
import dev.reel.testkit.TestHttp;
import dev.reel.testkit.TestInfra;
import dev.reel.testkit.TestTokenDecoder;
import dev.reel.testkit.TestTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search against a real KRaft broker: the catalog topic is filled before the context starts, so the context replays
 * it, becomes ready, and answers; identity is a local stand-in for profiles. {@code -Dsearch.it.titles=N} adds N
 * generated titles to measure the rebuild (default 1,000).
 */
@SpringBootTest(
        classes = {SearchApplication.class, TestTokenDecoder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int GENERATED = Integer.getInteger("search.it.titles", 1_000);
    private static final Map<UUID, Object[]> PROFILES = new ConcurrentHashMap<>();
    private static final HttpServer IDENTITY = identity();
    private static final UUID HEAT = UUID.randomUUID();
    private static final UUID ADULT = UUID.randomUUID();
    private static final UUID TWIN_A = UUID.randomUUID();
    private static final UUID TWIN_B = UUID.randomUUID();
    private static final UUID DOOMED = UUID.randomUUID();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.registerKafka(registry);
        registry.add("test.identity.port", () -> IDENTITY.getAddress().getPort());
        fillCatalog();
    }

    @LocalServerPort
    int port;

    private TestHttp api;
    private final UUID account = UUID.randomUUID();
    private String token;

    @BeforeAll
    void setUp() {
        api = new TestHttp(port);
        token = TestTokens.member(account);
        await(() -> api.get("/actuator/health/readiness").send().status() == 200, Duration.ofSeconds(60));
    }

    @AfterAll
    void tearDown() {
        IDENTITY.stop(0);
    }

    @Test
    void theReplayedCatalogIsSearchableOnceReady() {
        JsonNode health = api.get("/actuator/health").send().ok(200);
        JsonNode index = health.path("components").path("catalogIndex");
        assertThat(index.path("status").asString()).isEqualTo("UP");
        assertThat(index.path("details").path("titles").asInt()).isGreaterThanOrEqualTo(GENERATED + 4);
        System.out.printf(
                "search-it: rebuilt %d titles in %d ms%n",
                index.path("details").path("titles").asInt(),
                index.path("details").path("rebuildMillis").asLong());
        String[] queries = {"shadw", "river emp", "wintr garden", "echo", "harb", "glass night 12", "signal"};
        long[] nanos = new long[300];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            search(queries[i % queries.length], null).ok(200);
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        System.out.printf(
                "search-it: GET /api/v1/search over HTTP, %d sequential: p50 %.2f ms, p99 %.2f ms%n",
                nanos.length, nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6);
    }

    @Test
    void aMisspeltWordOrAPrefixFindsTheTitle() {
        JsonNode typo = search("hheat", null).ok(200);
        assertThat(typo.path("items").get(0).path("titleId").asString()).isEqualTo(HEAT.toString());
        JsonNode prefix = search("pacin", null).ok(200);
        JsonNode first = prefix.path("items").get(0);
        assertThat(first.path("titleId").asString()).isEqualTo(HEAT.toString());
        assertThat(first.path("matchedOn").get(0).asString()).isEqualTo("cast");
        assertThat(first.path("maturity").asString()).isEqualTo("16+");
        assertThat(first.path("genres").get(0).asString()).isEqualTo("crime");
        assertThat(first.path("artworkUrl").asString()).startsWith("https://img.example/");

        JsonNode suggest = api.get("/api/v1/search/suggest?q=hea&limit=3")
                .token(token)
                .send()
                .ok(200);
        assertThat(suggest.path("query").asString()).isEqualTo("hea");
        assertThat(suggest.path("suggestions").toString()).contains(HEAT.toString());
    }

    @Test
    void aKidsProfileDoesNotSeeAnAdultTitle() {
        UUID kids = profile(account, "7+", true);
        UUID adult = profile(account, "18+", false);
        assertThat(ids(search("zzyzx", adult).ok(200))).containsExactly(ADULT.toString());
        assertThat(ids(search("zzyzx", null).ok(200))).containsExactly(ADULT.toString());
        assertThat(search("zzyzx", kids).ok(200).path("totalItems").asLong()).isZero();
        UUID someoneElses = profile(UUID.randomUUID(), "18+", false);
        search("zzyzx", someoneElses).problem(404);
    }

    @Test
    void popularityBreaksATie() {
        List<String> before = ids(search("quixotic twin", null).ok(200));
        assertThat(before).containsExactlyInAnyOrder(TWIN_A.toString(), TWIN_B.toString());
        UUID loser = UUID.fromString(before.get(1));
        try (var producer = producer()) {
            for (int i = 0; i < 3; i++) {
                send(
                        producer,
                        Topics.PLAYBACK_SESSIONS,
                        new PlaybackStarted(
                                UUID.randomUUID(),
                                Instant.now(),
                                1,
                                UUID.randomUUID(),
                                account,
                                UUID.randomUUID(),
                                loser,
                                "v1",
                                "tv",
                                1080,
                                "origin",
                                null,
                                0));
            }
        }
        await(
                () -> ids(search("quixotic twin", null).ok(200)).getFirst().equals(loser.toString()),
                Duration.ofSeconds(20));
    }

    @Test
    void unpublishingRemovesTheTitle() {
        assertThat(ids(search("ephemeral", null).ok(200))).containsExactly(DOOMED.toString());
        try (var producer = producer()) {
            send(producer, Topics.CATALOG_TITLES, TitleUpdated.of(snapshot(DOOMED, "Ephemeral", "ALL", false)));
        }
        await(() -> search("ephemeral", null).ok(200).path("totalItems").asLong() == 0, Duration.ofSeconds(20));
    }

    @Test
    void eachSearchIsPublished() {
        search("sarcophagus", null).ok(200);
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "search-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        boolean found = false;
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.SEARCH_QUERIES));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!found && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode event = JSON.readTree(record.value());
                    if ("sarcophagus".equals(event.path("query").asString())) {
                        found = true;
                        assertThat(record.key()).isEqualTo(account.toString());
                        assertThat(event.path("accountId").asString()).isEqualTo(account.toString());
                        assertThat(new String(
                                        record.headers()
                                                .lastHeader(EventHeaders.TYPE)
                                                .value(),
                                        StandardCharsets.UTF_8))
                                .isEqualTo("SearchPerformed");
                    }
                }
            }
        }
        assertThat(found).as("SearchPerformed on " + Topics.SEARCH_QUERIES).isTrue();
    }

    @Test
    void badQueriesAreProblems() {
        assertThat(api.get("/api/v1/search?q=%20")
                        .token(token)
                        .send()
                        .problem(400)
                        .path("type")
                        .asString())
                .isEqualTo("https://reel.dev/problems/invalid-query");
        api.get("/api/v1/search").token(token).send().problem(400);
        api.get("/api/v1/search?q=" + "a".repeat(201)).token(token).send().problem(400);
        api.get("/api/v1/search?q=heat&size=101").token(token).send().problem(400);
        api.get("/api/v1/search/suggest?q=heat&limit=0").token(token).send().problem(400);
        api.get("/api/v1/search?q=heat").send().problem(401);
    }

    @Test
    void aFreshContextRebuildsFromTheTopicAndBecomesReady() {
        long started = System.nanoTime();
        try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(
                        SearchApplication.class, TestTokenDecoder.class)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "spring.kafka.bootstrap-servers=" + TestInfra.kafkaBootstrapServers(),
                        "test.identity.port=" + IDENTITY.getAddress().getPort())
                .run()) {
            int freshPort = Integer.parseInt(fresh.getEnvironment().getProperty("local.server.port", "0"));
            var other = new TestHttp(freshPort);
            await(() -> other.get("/actuator/health/readiness").send().status() == 200, Duration.ofSeconds(60));
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            System.out.printf("search-it: fresh context ready in %d ms (start-up included)%n", millis);
            JsonNode found =
                    other.get("/api/v1/search?q=heat").token(token).send().ok(200);
            assertThat(ids(found)).contains(HEAT.toString());
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private TestHttp.Response search(String q, UUID profile) {
        var call = api.get("/api/v1/search?q=" + q.replace(" ", "%20")).token(token);
        if (profile != null) {
            call.header("X-Profile-Id", profile.toString());
        }
        return call.send();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("titleId").asString()));
        return ids;
    }

    private static UUID profile(UUID owner, String ceiling, boolean kids) {
        UUID id = UUID.randomUUID();
        PROFILES.put(id, new Object[] {owner, ceiling, kids});
        return id;
    }

    private static void fillCatalog() {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.CATALOG_TITLES, 3, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get();
        } catch (Exception e) {
            // already there: another test class created it
        }
        try (var producer = producer()) {
            send(
                    producer,
                    Topics.CATALOG_TITLES,
                    TitlePublished.of(new TitleSnapshot(
                            HEAT,
                            "MOVIE",
                            "Heat",
                            "Bank robbers feel the heat.",
                            1995,
                            170,
                            "16+",
                            List.of("crime", "thriller"),
                            List.of("Al Pacino", "Robert De Niro"),
                            List.of("https://img.example/heat.jpg"),
                            true,
                            Instant.now(),
                            true,
                            List.of())));
            send(producer, Topics.CATALOG_TITLES, TitlePublished.of(snapshot(ADULT, "Zzyzx Road", "18+", true)));
            send(producer, Topics.CATALOG_TITLES, TitlePublished.of(snapshot(TWIN_A, "Quixotic Twin", "ALL", true)));
            send(producer, Topics.CATALOG_TITLES, TitlePublished.of(snapshot(TWIN_B, "Quixotic Twin", "ALL", true)));
            send(producer, Topics.CATALOG_TITLES, TitlePublished.of(snapshot(DOOMED, "Ephemeral", "ALL", true)));
            String[] words = {
                "night", "river", "shadow", "empire", "garden", "signal", "harbor", "winter", "echo", "glass"
            };
            for (int i = 0; i < GENERATED; i++) {
                String name = words[i % words.length] + " " + words[(i / 10) % words.length] + " " + i;
                send(
                        producer,
                        Topics.CATALOG_TITLES,
                        TitlePublished.of(snapshot(UUID.randomUUID(), name, "13+", true)));
            }
            producer.flush();
        }
    }

    private static TitleSnapshot snapshot(UUID id, String name, String maturity, boolean published) {
        return new TitleSnapshot(
                id,
                "MOVIE",
                name,
                "Somebody does something somewhere.",
                2001,
                100,
                maturity,
                List.of("drama"),
                List.of("Jane Doe"),
                List.of("https://img.example/" + id + ".jpg"),
                published,
                Instant.now(),
                false,
                List.of());
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrapServers()),
                new StringSerializer(),
                new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, String topic, ReelEvent event) {
        var record = new ProducerRecord<>(topic, event.key(), JSON.writeValueAsString(event));
        record.headers().add(EventHeaders.TYPE, event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(Supplier<Boolean> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waited " + timeout).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Identity's {@code GET /api/v1/profiles/{id}}: the profile when it belongs to the token's account, else 404. */
    private static HttpServer identity() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/profiles/", exchange -> {
                try (exchange) {
                    String auth = exchange.getRequestHeaders().getFirst("Authorization");
                    String payload = new String(
                            Base64.getUrlDecoder().decode(auth.substring(7).split("\\.")[1]), StandardCharsets.UTF_8);
                    UUID caller =
                            UUID.fromString(JSON.readTree(payload).path("sub").asString());
                    String path = exchange.getRequestURI().getPath();
                    UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
                    Object[] profile = PROFILES.get(id);
                    int status = profile != null && profile[0].equals(caller) ? 200 : 404;
                    byte[] body = JSON.writeValueAsBytes(
                            status == 200
                                    ? Map.of("id", id, "name", "P", "kids", profile[2], "maturityCeiling", profile[1])
                                    : Map.of("status", 404, "title", "Not found"));
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
