package dev.reel.steering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.edgetoken.EdgeTokenKeys;
import dev.reel.edgetoken.EdgeTokens;
import dev.reel.events.ReelEvent;
import dev.reel.events.Topics;
import dev.reel.events.playback.PlaybackHeartbeat;
import dev.reel.events.playback.PlaybackStarted;
import dev.reel.events.playback.PlaybackStopped;
import dev.reel.kit.events.EventHeaders;
import dev.reel.origin.OriginSettings;
import dev.reel.origin.OriginStore;
import dev.reel.origin.OriginStores;
import dev.reel.origin.Publication;
import dev.reel.steering.popularity.Popularity;
import dev.reel.steering.popularity.TitleDemandForecast;
import dev.reel.testkit.TestHttp;
import dev.reel.testkit.TestInfra;
import dev.reel.testkit.TestTokenDecoder;
import dev.reel.testkit.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on embedded PostgreSQL and a KRaft broker (libs/testkit): appliances report with edge-signed
 * tokens, steering orders them for clients, popularity comes from {@link PlaybackStarted} records produced onto the
 * broker the way the kit's outbox relay writes them, and an on-demand fill plan reaches the appliances in the answers
 * to their reports. The origin is a filesystem store in a temporary directory with two published titles.
 */
@SpringBootTest(
        classes = {SteeringApplication.class, TestTokenDecoder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SteeringIT {

    private static final String GROUP = "steering-it";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path DATA = createDataDir();
    private static final Path KEYS = DATA.resolve("secrets/edge-token.keys");
    private static final String HOT = UUID.randomUUID().toString();
    private static final String WARM = UUID.randomUUID().toString();
    private static Publication hot;
    private static Publication warm;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) throws Exception {
        TestInfra.registerPostgres(registry, "steering");
        TestInfra.registerKafka(registry);
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        registry.add("reel.steering.edge-token-keys", KEYS::toString);
        registry.add("reel.steering.origin.root", () -> DATA.resolve("origin").toString());
        EdgeTokenKeys.createIfAbsent(KEYS);
        try (OriginStore origin = OriginStores.create(OriginSettings.fileSystem(DATA.resolve("origin")))) {
            hot = origin.publish(HOT, title("hot", 4000));
            warm = origin.publish(WARM, title("warm", 9000));
        }
        TestInfra.createTopics(Topics.PLAYBACK_SESSIONS);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    Popularity popularity;

    @Autowired
    JdbcClient jdbc;

    private TestHttp api;
    private Admin admin;
    private String adminToken = "";
    private String memberToken = "";
    private SequencedMap<String, byte[]> keys;

    @BeforeAll
    void setUp() throws IOException {
        api = new TestHttp(port);
        adminToken = TestTokens.admin(UUID.randomUUID());
        memberToken = TestTokens.member(UUID.randomUUID());
        keys = EdgeTokenKeys.read(KEYS);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrapServers()));
    }

    @AfterAll
    void tearDown() {
        admin.close();
    }

    // --- registry -------------------------------------------------------------------------------------------------

    @Test
    void aReportPutsAnApplianceInRotationUntilTheTimeoutAndIsPersisted() throws InterruptedException {
        JsonNode answer = report(report("reg-a", List.of("198.51.100.0/24"), "STORAGE", 0, 0, Map.of(), null));
        assertThat(answer.path("reportInterval").asString()).isEqualTo("PT2S");
        assertThat(answer.has("plan")).isTrue();

        JsonNode listed = appliance("reg-a");
        assertThat(listed.path("inRotation").asBoolean()).isTrue();
        assertThat(listed.path("baseUrl").asString()).isEqualTo("http://localhost:1/reg-a");
        assertThat(listed.path("tier").asString()).isEqualTo("STORAGE");
        assertThat(listed.path("hitRatioBytes").asDouble()).isEqualTo(0.9);
        assertThat(jdbc.sql("SELECT count(*) FROM appliances WHERE id = 'reg-a'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(targetIds("198.51.100.7", HOT)).contains("reg-a");

        Thread.sleep(3500); // the test timeout is 3 s
        assertThat(appliance("reg-a").path("inRotation").asBoolean()).isFalse();
        assertThat(targetIds("198.51.100.7", HOT))
                .doesNotContain("reg-a")
                .last()
                .isEqualTo("origin");
        JsonNode steering = steer("198.51.100.7", HOT);
        assertThat(steering.path("network").asString()).isEqualTo("reg-a");

        report(report("reg-a", List.of("198.51.100.0/24"), "STORAGE", 0, 0, Map.of(), null));
        assertThat(appliance("reg-a").path("inRotation").asBoolean()).isTrue();
    }

    @Test
    void reportsWithoutAValidEdgeTokenAre401AndTheFleetIsForAdminsOnly() {
        String body =
                json.writeValueAsString(report("auth-a", List.of("203.0.113.0/24"), "FLASH", 0, 0, Map.of(), null));
        var kid = keys.firstEntry();
        Instant later = Instant.now().plusSeconds(60);

        api.post("/api/v1/cdn/reports").body(body).send().problem(401);
        api.post("/api/v1/cdn/reports").token(adminToken).body(body).send().problem(401);
        api.post("/api/v1/cdn/reports")
                .header("Authorization", "EdgeReport not-a-token")
                .body(body)
                .send()
                .problem(401);
        // Signed for another appliance.
        api.post("/api/v1/cdn/reports")
                .header(
                        "Authorization",
                        "EdgeReport " + EdgeTokens.sign(kid.getKey(), kid.getValue(), "/cdn/reports/other", later, "x"))
                .body(body)
                .send()
                .problem(401);
        // Expired.
        api.post("/api/v1/cdn/reports")
                .header(
                        "Authorization",
                        "EdgeReport "
                                + EdgeTokens.sign(
                                        kid.getKey(),
                                        kid.getValue(),
                                        "/cdn/reports/auth-a",
                                        Instant.now().minusSeconds(5),
                                        "auth-a"))
                .body(body)
                .send()
                .problem(401);
        // Another key.
        byte[] stranger = new byte[32];
        api.post("/api/v1/cdn/reports")
                .header(
                        "Authorization",
                        "EdgeReport " + EdgeTokens.sign("stranger", stranger, "/cdn/reports/auth-a", later, "auth-a"))
                .body(body)
                .send()
                .problem(401);
        assertThat(api.get("/api/v1/cdn/appliances?size=100")
                        .token(adminToken)
                        .send()
                        .ok(200)
                        .path("items")
                        .valueStream()
                        .map(a -> a.path("id").asString()))
                .doesNotContain("auth-a");

        // Bad shapes are 400 problems.
        api.post("/api/v1/cdn/reports")
                .header("Authorization", "EdgeReport " + token("auth-a"))
                .body("{\"applianceId\": \"auth-a\"")
                .send()
                .problem(400);
        var badCidr = report("auth-a", List.of("10.0.0.0/33"), "FLASH", 0, 0, Map.of(), null);
        api.post("/api/v1/cdn/reports")
                .header("Authorization", "EdgeReport " + token("auth-a"))
                .body(badCidr)
                .send()
                .problem(400);
        var badTier = new LinkedHashMap<>(report("auth-a", List.of("10.0.0.0/8"), "FLASH", 0, 0, Map.of(), null));
        badTier.put("tier", "TAPE");
        api.post("/api/v1/cdn/reports")
                .header("Authorization", "EdgeReport " + token("auth-a"))
                .body(badTier)
                .send()
                .problem(400);

        api.get("/api/v1/cdn/appliances").send().problem(401);
        api.get("/api/v1/cdn/appliances").token(memberToken).send().problem(403);
        api.get("/api/v1/cdn/fill").token(memberToken).send().problem(403);
        api.post("/api/v1/cdn/fill").token(memberToken).send().problem(403);
    }

    // --- steering -------------------------------------------------------------------------------------------------

    @Test
    void clientsAreSteeredToTheirNetworkThenToHoldersThenByLoadAndOriginLast() {
        String hotVersion = hot.version();
        // Network A: one appliance holding the hot title, busy. Network B: two appliances, one holding it.
        report(report(
                "st-a",
                List.of("10.1.0.0/16", "2001:db8:a::/48"),
                "FLASH",
                90,
                900_000_000,
                Map.of(HOT, hotVersion),
                null));
        report(report("st-b1", List.of("10.2.0.0/16", "2001:db8:b::/48"), "STORAGE", 1, 1_000, Map.of(), null));
        report(report(
                "st-b2",
                List.of("10.2.0.0/16", "2001:db8:b::/48"),
                "STORAGE",
                5,
                5_000,
                Map.of(HOT, hotVersion),
                null));
        List<String> mine = List.of("st-a", "st-b1", "st-b2", "origin");

        JsonNode inA = steer("10.1.200.3", HOT);
        assertThat(inA.path("client").asString()).isEqualTo("10.1.200.3");
        assertThat(inA.path("network").asString()).isEqualTo("st-a");
        assertThat(only(inA, mine)).containsExactly("st-a", "st-b2", "st-b1", "origin");
        JsonNode first = inA.path("targets").get(0);
        assertThat(first.path("baseUrl").asString()).isEqualTo("http://localhost:1/st-a");
        assertThat(first.path("kind").asString()).isEqualTo("APPLIANCE");
        assertThat(first.path("sameNetwork").asBoolean()).isTrue();
        assertThat(first.path("holdsTitle").asBoolean()).isTrue();
        JsonNode origin = inA.path("targets").get(inA.path("targets").size() - 1);
        assertThat(origin.path("id").asString()).isEqualTo("origin");
        assertThat(origin.path("kind").asString()).isEqualTo("ORIGIN");
        assertThat(origin.path("baseUrl").asString()).isEqualTo("http://localhost:9000");
        assertThat(origin.path("holdsTitle").asBoolean()).isTrue();

        // Network B over IPv6: the holder first, then its neighbour, then the other network.
        JsonNode inB = steer("2001:db8:b::42", HOT);
        assertThat(inB.path("network").asString()).isEqualTo("st-b1");
        assertThat(only(inB, mine)).containsExactly("st-b2", "st-b1", "st-a", "origin");
        // A title nobody holds: same network first, then by load (st-b1 carries less than st-b2).
        assertThat(only(steer("10.2.9.9", WARM), mine)).containsExactly("st-b1", "st-b2", "st-a", "origin");

        // An unknown client: no network; holders first, the less loaded one ahead.
        JsonNode unknown = steer("192.0.2.77", HOT);
        assertThat(unknown.path("network").isNull()).isTrue();
        assertThat(only(unknown, mine)).containsExactly("st-b2", "st-a", "st-b1", "origin");

        // A title origin does not have: nobody holds it, origin included.
        JsonNode missing = steer("10.1.0.1", UUID.randomUUID().toString());
        assertThat(missing.path("targets").valueStream().map(t -> t.path("holdsTitle")
                        .asBoolean()))
                .containsOnly(false);

        api.get("/api/v1/cdn/steering?title=" + HOT + "&client=not-an-ip")
                .token(memberToken)
                .send()
                .problem(400);
        api.get("/api/v1/cdn/steering?title=" + HOT + "&client=example.com")
                .token(memberToken)
                .send()
                .problem(400);
        api.get("/api/v1/cdn/steering?title=nope&client=10.0.0.1")
                .token(memberToken)
                .send()
                .problem(400);
        api.get("/api/v1/cdn/steering?client=10.0.0.1")
                .token(memberToken)
                .send()
                .problem(400);
        api.get("/api/v1/cdn/steering?title=" + HOT + "&client=10.0.0.1").send().problem(401);
    }

    // --- popularity and fill --------------------------------------------------------------------------------------

    @Test
    void viewsFromPlaybackEventsDriveAPlanThatReachesAppliancesInTheirReports() {
        UUID profile = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PlaybackStarted first = started(profile, HOT, now.minus(Duration.ofHours(1)));
        send(first);
        send(first); // a redelivery counts once
        send(started(profile, HOT, now.minus(Duration.ofMinutes(30))));
        send(started(profile, HOT, now.minus(Duration.ofMinutes(10))));
        send(raw(profile, "PlaybackStarted", "{\"eventId\": not json"));
        send(raw(profile, "PlaybackHeartbeat", "{}"));
        RecordMetadata last = send(started(profile, WARM, now.minus(Duration.ofHours(30))));
        awaitProcessed(last);

        Map<String, TitleDemandForecast> forecast = new LinkedHashMap<>();
        for (TitleDemandForecast f : popularity.forecast(Instant.now(), Duration.ofDays(1))) {
            forecast.put(f.titleId(), f);
        }
        assertThat(forecast.get(HOT).views()).isEqualTo(3);
        assertThat(forecast.get(WARM).views()).isEqualTo(1);
        // Three recent views, each worth nearly 1, against one view 30 h ago, worth 2^-1.25.
        assertThat(forecast.get(HOT).score()).isBetween(2.9, 3.0);
        assertThat(forecast.get(WARM).score()).isBetween(0.40, 0.43);
        assertThat(List.copyOf(forecast.keySet()).indexOf(HOT))
                .isLessThan(List.copyOf(forecast.keySet()).indexOf(WARM));

        // A flash appliance with room for the hot title only, holding a stale title; a storage appliance with room
        // for both in another network.
        String stale = UUID.randomUUID().toString();
        report(report(
                "fill-a",
                List.of("172.16.0.0/12"),
                "FLASH",
                0,
                0,
                Map.of(stale, "v-old"),
                null,
                hot.totalBytes() + 10));
        report(report("fill-b", List.of("100.64.0.0/10"), "STORAGE", 0, 0, Map.of(HOT, hot.version()), null));

        JsonNode plan = api.post("/api/v1/cdn/fill").token(adminToken).send().ok(200);
        String planId = plan.path("planId").asString();
        assertThat(plan.path("trigger").asString()).isEqualTo("ON_DEMAND");
        JsonNode a = placement(plan, "fill-a");
        assertThat(titleIds(a.path("titles"))).containsExactly(HOT);
        assertThat(a.path("tier").asString()).isEqualTo("FLASH");
        assertThat(a.path("pinned").valueStream().map(JsonNode::asString)).isEmpty(); // over half its capacity
        assertThat(titleIds(a.path("fetch"))).containsExactly(HOT);
        assertThat(a.path("drop").valueStream().map(JsonNode::asString)).containsExactly(stale);
        assertThat(a.path("bytes").asLong()).isEqualTo(hot.totalBytes());
        double hotShare = hotShare(forecast);
        assertThat(a.path("predictedByteHitRatio").asDouble()).isCloseTo(hotShare, within());
        JsonNode b = placement(plan, "fill-b");
        assertThat(titleIds(b.path("titles"))).containsExactlyInAnyOrder(HOT, WARM);
        assertThat(titleIds(b.path("fetch"))).containsExactly(WARM);
        assertThat(b.path("predictedByteHitRatio").asDouble()).isCloseTo(1.0, within());
        assertThat(api.get("/api/v1/cdn/fill")
                        .token(adminToken)
                        .send()
                        .ok(200)
                        .path("planId")
                        .asString())
                .isEqualTo(planId);

        // The next report carries the plan, against what the appliance holds now.
        JsonNode answer = report(report(
                "fill-a",
                List.of("172.16.0.0/12"),
                "FLASH",
                0,
                0,
                Map.of(stale, "v-old"),
                null,
                hot.totalBytes() + 10));
        JsonNode instructions = answer.path("plan");
        assertThat(instructions.path("planId").asString()).isEqualTo(planId);
        assertThat(instructions.path("fetch").get(0).path("titleId").asString()).isEqualTo(HOT);
        assertThat(instructions.path("fetch").get(0).path("version").asString()).isEqualTo(hot.version());
        assertThat(instructions.path("drop").valueStream().map(JsonNode::asString))
                .containsExactly(stale);
        // Only some objects of the hot title (misses filled them): it is still to be fetched, not dropped.
        var someObjects =
                report("fill-a", List.of("172.16.0.0/12"), "FLASH", 0, 0, Map.of(), null, hot.totalBytes() + 10);
        someObjects.put(
                "titles",
                List.of(Map.of("titleId", HOT, "version", hot.version(), "bytes", hot.totalBytes() - 1, "objects", 2)));
        JsonNode incomplete = report(someObjects).path("plan");
        assertThat(titleIds(incomplete.path("fetch"))).containsExactly(HOT);
        assertThat(incomplete.path("drop").isEmpty()).isTrue();
        // Applied but not reported yet: nothing left to fetch or drop.
        JsonNode partial = report(report(
                        "fill-a",
                        List.of("172.16.0.0/12"),
                        "FLASH",
                        0,
                        0,
                        Map.of(HOT, hot.version()),
                        null,
                        hot.totalBytes() + 10))
                .path("plan");
        assertThat(partial.path("fetch").isEmpty()).isTrue();
        assertThat(partial.path("drop").isEmpty()).isTrue();
        // Applied: no plan any more.
        JsonNode applied = report(report(
                "fill-a",
                List.of("172.16.0.0/12"),
                "FLASH",
                0,
                0,
                Map.of(HOT, hot.version()),
                planId,
                hot.totalBytes() + 10));
        assertThat(applied.path("plan").isNull()).isTrue();
        assertThat(appliance("fill-a").path("appliedPlanId").asString()).isEqualTo(planId);
    }

    @Test
    void heartbeatsAndStopsBecomeBytesWatchedOnce() {
        UUID profile = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        String title = UUID.randomUUID().toString();
        Instant t0 = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MILLIS);
        PlaybackStarted start = started(profile, title, t0);
        send(new PlaybackStarted(
                start.eventId(),
                t0,
                PlaybackStarted.SCHEMA_VERSION,
                session,
                start.accountId(),
                profile,
                start.titleId(),
                "v-any",
                "tv",
                1080,
                "origin",
                null,
                0));
        // 10 s at 800 kbit/s = 1,000,000 bytes each.
        send(heartbeat(profile, session, title, t0.plusSeconds(10), 10_000));
        PlaybackHeartbeat second = heartbeat(profile, session, title, t0.plusSeconds(20), 20_000);
        send(second);
        send(second); // a redelivery counts once
        // A forward seek counts no more than the wall time plus 15 s of buffer: 25 s.
        send(heartbeat(profile, session, title, t0.plusSeconds(30), 600_000));
        // A backward seek counts nothing.
        send(heartbeat(profile, session, title, t0.plusSeconds(35), 590_000));
        // The stop carries no bitrate: the last heartbeat's applies (10 s).
        RecordMetadata last = send(stopped(profile, session, title, t0.plusSeconds(45), 600_000));
        awaitProcessed(last);

        TitleDemandForecast forecast = popularity.forecast(Instant.now(), Duration.ofDays(1)).stream()
                .filter(f -> f.titleId().equals(title))
                .findFirst()
                .orElseThrow();
        assertThat(forecast.views()).isEqualTo(1);
        assertThat(forecast.watchedBytes()).isEqualTo(5_500_000);
        // The rate estimate of 5.5 MB watched just now, over a day: λ·S·24 h = ln 2 · 5.5 MB.
        assertThat(forecast.predictedWatchedBytes()).isCloseTo(Math.log(2) * 5_500_000, within(0.01 * 5_500_000));
        assertThat(jdbc.sql("SELECT count(*) FROM session_progress WHERE session_id = :id")
                        .param("id", session)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private double hotShare(Map<String, TitleDemandForecast> forecast) {
        double h = forecast.get(HOT).predictedViews() * hot.totalBytes();
        double w = forecast.get(WARM).predictedViews() * warm.totalBytes();
        return h / (h + w);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return within(0.01);
    }

    private static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }

    private static JsonNode placement(JsonNode plan, String applianceId) {
        for (JsonNode appliance : plan.path("appliances")) {
            if (appliance.path("id").asString().equals(applianceId)) {
                return appliance;
            }
        }
        throw new AssertionError("no placement for " + applianceId + " in " + plan);
    }

    private static List<String> titleIds(JsonNode titles) {
        return titles.valueStream().map(t -> t.path("titleId").asString()).toList();
    }

    private JsonNode steer(String client, String title) {
        return api.get("/api/v1/cdn/steering?title=" + title + "&client=" + client)
                .token(memberToken)
                .send()
                .ok(200);
    }

    private List<String> targetIds(String client, String title) {
        return steer(client, title)
                .path("targets")
                .valueStream()
                .map(t -> t.path("id").asString())
                .toList();
    }

    /** The target ids of {@code answer} that are in {@code ids}, in order. */
    private static List<String> only(JsonNode answer, List<String> ids) {
        return answer.path("targets")
                .valueStream()
                .map(t -> t.path("id").asString())
                .filter(Set.copyOf(ids)::contains)
                .toList();
    }

    private JsonNode appliance(String id) {
        for (JsonNode item : api.get("/api/v1/cdn/appliances?size=100")
                .token(adminToken)
                .send()
                .ok(200)
                .path("items")) {
            if (item.path("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("appliance " + id + " not listed");
    }

    private String token(String applianceId) {
        var key = keys.firstEntry();
        return EdgeTokens.sign(
                key.getKey(),
                key.getValue(),
                "/cdn/reports/" + applianceId,
                Instant.now().plusSeconds(60),
                applianceId);
    }

    private JsonNode report(Map<String, Object> body) {
        String id = (String) body.get("applianceId");
        return api.post("/api/v1/cdn/reports")
                .header("Authorization", "EdgeReport " + token(id))
                .body(body)
                .send()
                .ok(200);
    }

    private static Map<String, Object> report(
            String id,
            List<String> cidrs,
            String tier,
            long connections,
            long throughput,
            Map<String, String> titles,
            @Nullable String appliedPlanId) {
        return report(id, cidrs, tier, connections, throughput, titles, appliedPlanId, 1L << 30);
    }

    private static Map<String, Object> report(
            String id,
            List<String> cidrs,
            String tier,
            long connections,
            long throughput,
            Map<String, String> titles,
            @Nullable String appliedPlanId,
            long capacity) {
        var body = new LinkedHashMap<String, Object>();
        body.put("applianceId", id);
        body.put("baseUrl", "http://localhost:1/" + id);
        body.put("cidrs", cidrs);
        body.put("region", "local");
        body.put("tier", tier);
        body.put("capacityBytes", capacity);
        body.put("usedBytes", 0);
        body.put("openConnections", connections);
        body.put("throughputBps", throughput);
        body.put("requests", 10);
        body.put("hits", 9);
        body.put("hitBytes", 900);
        body.put("misses", 1);
        body.put("missBytes", 100);
        List<Map<String, Object>> held = new ArrayList<>();
        titles.forEach((title, version) ->
                held.add(Map.of("titleId", title, "version", version, "bytes", bytesOf(title, version), "objects", 3)));
        body.put("titles", held);
        body.put("appliedPlanId", appliedPlanId);
        return body;
    }

    /** A complete copy of the hot and warm titles' current versions, a few bytes of anything else. */
    private static long bytesOf(String title, String version) {
        for (Publication publication : List.of(hot, warm)) {
            if (publication.titleId().equals(title) && publication.version().equals(version)) {
                return publication.totalBytes();
            }
        }
        return 10;
    }

    private static PlaybackStarted started(UUID profile, String title, Instant at) {
        return new PlaybackStarted(
                UUID.randomUUID(),
                at,
                PlaybackStarted.SCHEMA_VERSION,
                UUID.randomUUID(),
                UUID.randomUUID(),
                profile,
                UUID.fromString(title),
                "v-any",
                "tv",
                1080,
                "origin",
                null,
                0);
    }

    private static PlaybackHeartbeat heartbeat(UUID profile, UUID session, String title, Instant at, long position) {
        return new PlaybackHeartbeat(
                UUID.randomUUID(),
                at,
                PlaybackHeartbeat.SCHEMA_VERSION,
                session,
                UUID.randomUUID(),
                profile,
                UUID.fromString(title),
                position,
                800_000,
                8_000,
                0,
                0,
                null,
                0);
    }

    private static PlaybackStopped stopped(UUID profile, UUID session, String title, Instant at, long position) {
        return new PlaybackStopped(
                UUID.randomUUID(),
                at,
                PlaybackStopped.SCHEMA_VERSION,
                session,
                UUID.randomUUID(),
                profile,
                UUID.fromString(title),
                position,
                "STOPPED",
                null,
                0);
    }

    private RecordMetadata send(ReelEvent event) {
        var record = new ProducerRecord<String, String>(
                Topics.PLAYBACK_SESSIONS, event.key(), json.writeValueAsString(event));
        record.headers().add(EventHeaders.TYPE, bytes(event.getClass().getSimpleName()));
        record.headers().add(EventHeaders.SCHEMA_VERSION, bytes(Integer.toString(event.schemaVersion())));
        record.headers().add(EventHeaders.EVENT_ID, bytes(event.eventId().toString()));
        return send(record);
    }

    private static ProducerRecord<String, String> raw(UUID profile, String type, String payload) {
        var record = new ProducerRecord<String, String>(Topics.PLAYBACK_SESSIONS, profile.toString(), payload);
        record.headers().add(EventHeaders.TYPE, bytes(type));
        record.headers().add(EventHeaders.EVENT_ID, bytes(UUID.randomUUID().toString()));
        return record;
    }

    private RecordMetadata send(ProducerRecord<String, String> record) {
        try {
            return kafka.send(record).get(10, TimeUnit.SECONDS).getRecordMetadata();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce " + record, e);
        }
    }

    /** Waits until the consumer group committed an offset past {@code record}. */
    private void awaitProcessed(RecordMetadata record) {
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
            sleep();
        }
        throw new AssertionError("record " + partition + "@" + record.offset() + " not processed within " + WAIT
                + " (committed offset " + committed + ")");
    }

    private static Path title(String name, int segmentBytes) {
        try {
            Path dir = Files.createTempDirectory(DATA, name);
            Files.writeString(dir.resolve("master.m3u8"), "#EXTM3U\n" + name + "\n");
            Files.createDirectories(dir.resolve("video/v360p"));
            Files.write(dir.resolve("video/v360p/init.mp4"), new byte[100]);
            Files.write(dir.resolve("video/v360p/seg-00001.m4s"), new byte[segmentBytes]);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("steering-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
