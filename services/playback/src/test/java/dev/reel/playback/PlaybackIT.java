package dev.reel.playback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.edgetoken.EdgeTokenKeys;
import dev.reel.edgetoken.EdgeTokenVerification;
import dev.reel.edgetoken.EdgeTokens;
import dev.reel.keystore.ContentKey;
import dev.reel.keystore.ContentKeyWriter;
import dev.reel.keystore.LicenceKeys;
import dev.reel.origin.OriginSettings;
import dev.reel.origin.OriginStore;
import dev.reel.origin.OriginStores;
import dev.reel.testkit.IdentityStandIn;
import dev.reel.testkit.TestHttp;
import dev.reel.testkit.TestInfra;
import dev.reel.testkit.TestTokenDecoder;
import dev.reel.testkit.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Playback against real engines: embedded PostgreSQL (its own database and the {@code keys} store written by a real
 * {@link ContentKeyWriter}), a KRaft broker read by a real consumer, a filesystem origin holding a title packaged the
 * way the encoder packages it, real edge token keys, and local HTTP stand-ins for identity, catalog and steering in
 * (simple) discovery. Each test uses its own accounts, so stream limits never interfere; the outages run last.
 */
@SpringBootTest(
        classes = {PlaybackApplication.class, TestTokenDecoder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaybackIT {

    private static final Path WORK = tempDir();
    private static final KeyPair LICENCE = LicenceKeys.generate();
    private static final IdentityStandIn IDENTITY = new IdentityStandIn();
    private static final CatalogStandIn CATALOG = new CatalogStandIn();
    private static final SteeringStandIn STEERING = new SteeringStandIn();
    private static final Duration EVENT_WAIT = Duration.ofSeconds(20);
    private static final long DURATION_MILLIS = CatalogStandIn.DURATION_SECONDS * 1000L;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) throws IOException {
        TestInfra.registerPostgres(registry, "playback");
        TestInfra.registerKafka(registry);
        LicenceKeys.writePem(LICENCE, WORK.resolve("secrets"));
        EdgeTokenKeys.createIfAbsent(WORK.resolve("secrets/edge-token.keys"));
        registry.add("test.identity.port", IDENTITY::port);
        registry.add("test.catalog.port", CATALOG::port);
        registry.add("test.steering.port", STEERING::port);
        registry.add("reel.playback.origin.root", () -> WORK.resolve("origin").toString());
        registry.add("reel.playback.edge-token-keys", () -> WORK.resolve("secrets/edge-token.keys")
                .toString());
        registry.add("reel.playback.keys.url", () -> TestInfra.jdbcUrl("keys"));
        registry.add("reel.playback.keys.private-key", () -> WORK.resolve("secrets/licence-private.pem")
                .toString());
    }

    @LocalServerPort
    int port;

    private TestHttp api;

    @Autowired
    private MeterRegistry meters;

    private SequencedMap<String, byte[]> edgeKeys;
    private final UUID movie = UUID.randomUUID();
    private final UUID otherMovie = UUID.randomUUID();
    private final UUID adultMovie = UUID.randomUUID();
    private final UUID draftMovie = UUID.randomUUID();
    private final UUID unencodedMovie = UUID.randomUUID();
    private final UUID series = UUID.randomUUID();
    private final UUID episode1 = UUID.randomUUID();
    private final UUID episode2 = UUID.randomUUID();
    private final UUID episode3 = UUID.randomUUID();
    private final UUID otherSeries = UUID.randomUUID();
    private final UUID otherSeriesEpisode = UUID.randomUUID();
    private String version = "";
    private String seriesVersion = "";
    private final ContentKey movieKey = ContentKey.generate();
    private final ContentKey otherMovieKey = ContentKey.generate();

    @BeforeAll
    void setUp() throws IOException {
        api = new TestHttp(port);
        edgeKeys = EdgeTokenKeys.read(WORK.resolve("secrets/edge-token.keys"));
        try (OriginStore origin = OriginStores.create(OriginSettings.fileSystem(WORK.resolve("origin")))) {
            version = origin.publish(movie.toString(), packagedTitle("movie")).version();
            String otherVersion = origin.publish(otherMovie.toString(), packagedTitle("other"))
                    .version();
            String adultVersion = origin.publish(adultMovie.toString(), packagedTitle("adult"))
                    .version();
            CATALOG.put(movie, "Heat", "16+", "PUBLISHED", version);
            CATALOG.put(otherMovie, "Ronin", "13+", "PUBLISHED", otherVersion);
            CATALOG.put(adultMovie, "Casino", "18+", "PUBLISHED", adultVersion);
            // A series plays its title-level media, whichever episode is picked.
            seriesVersion =
                    origin.publish(series.toString(), packagedTitle("series")).version();
            CATALOG.putSeries(
                    series, "Dark", "13+", seriesVersion, List.of(List.of(episode1, episode2), List.of(episode3)));
            CATALOG.putSeries(otherSeries, "Lost", "13+", seriesVersion, List.of(List.of(otherSeriesEpisode)));
        }
        CATALOG.put(draftMovie, "Draft", "ALL", "DRAFT", version);
        CATALOG.put(unencodedMovie, "Not yet encoded", "ALL", "PUBLISHED", null);
        var keys = new DriverManagerDataSource(TestInfra.jdbcUrl("keys"), "postgres", "");
        var writer = new ContentKeyWriter(keys, LICENCE.getPublic());
        writer.migrate();
        writer.store(movie, UUID.randomUUID(), movieKey);
        writer.store(otherMovie, UUID.randomUUID(), otherMovieKey);
    }

    @AfterAll
    void tearDown() {
        IDENTITY.close();
        CATALOG.close();
        STEERING.close();
    }

    // --- starting a session ---------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void aMemberStartsASessionAndGetsManifestsSignedEdgesAndALicence() {
        Viewer viewer = viewer("16+", false);
        var response = api.post("/api/v1/playback/sessions")
                .token(viewer.token())
                .header("X-Device-Class", "tv")
                .body(Map.of("profileId", viewer.profile(), "titleId", movie))
                .send();
        JsonNode session = response.ok(201);
        String id = session.path("sessionId").asString();
        UUID sessionId = UUID.fromString(id);
        assertThat(response.header("Location")).isEqualTo("/api/v1/playback/sessions/" + id);
        assertThat(session.path("titleId").asString()).isEqualTo(movie.toString());
        assertThat(session.path("profileId").asString())
                .isEqualTo(viewer.profile().toString());
        assertThat(session.path("originVersion").asString()).isEqualTo(version);
        assertThat(session.path("state").asString()).isEqualTo("LIVE");
        assertThat(session.hasNonNull("episodeId")).isFalse();
        assertThat(session.path("heartbeatInterval").asString()).isEqualTo("PT1S");
        assertThat(Instant.parse(session.path("expiresAt").asString())).isAfter(Instant.now());
        Instant tokenExpiry = Instant.parse(session.path("tokenExpiresAt").asString());
        assertThat(tokenExpiry)
                .isBetween(
                        Instant.now().plus(Duration.ofHours(5)), Instant.now().plus(Duration.ofHours(7)));
        assertThat(session.path("manifests").path("hls").asString())
                .isEqualTo("/api/v1/playback/sessions/" + id + "/manifest.m3u8");
        assertThat(session.path("manifests").path("dash").asString())
                .isEqualTo("/api/v1/playback/sessions/" + id + "/manifest.mpd");
        assertThat(session.path("licence").path("url").asString())
                .isEqualTo("/api/v1/playback/sessions/" + id + "/licence");
        assertThat(session.path("licence").path("keySystem").asString()).isEqualTo("org.w3.clearkey");
        // A TV on the default codecs: every AVC rung up to 2160p, no HEVC.
        assertThat(ids(session.path("renditions"))).containsExactly("v144p", "v360p", "v1080p", "v2160p");
        JsonNode v360 = session.path("renditions").get(1);
        assertThat(v360.path("width").asInt()).isEqualTo(640);
        assertThat(v360.path("height").asInt()).isEqualTo(360);
        assertThat(v360.path("codec").asString()).isEqualTo("avc1.64001e");
        assertThat(v360.path("bandwidth").asLong()).isEqualTo(437_798);

        // Edges in steering's order, origin last, each with a token opening exactly this title version.
        JsonNode edges = session.path("edges");
        assertThat(ids(edges)).containsExactly("isp-b", "isp-a", "origin");
        assertThat(edges.get(0).path("kind").asString()).isEqualTo("APPLIANCE");
        assertThat(edges.get(2).path("kind").asString()).isEqualTo("ORIGIN");
        String prefix = "/v/" + movie + "/" + version;
        String[] servers = {"http://localhost:9101", "http://localhost:9100", "http://localhost:9000"};
        for (int i = 0; i < 3; i++) {
            String base = edges.get(i).path("baseUrl").asString();
            assertThat(base).startsWith(servers[i] + "/s/").endsWith(prefix + "/");
            String token = token(base);
            EdgeTokenVerification ok =
                    EdgeTokens.verify(edgeKeys, token, prefix + "/video/v360p/seg-00001.m4s", Instant.now());
            assertThat(ok.outcome()).isEqualTo(EdgeTokenVerification.Outcome.VALID);
            assertThat(ok.token().sessionId()).isEqualTo(id);
            assertThat(ok.token().expiry()).isEqualTo(tokenExpiry);
            assertThat(EdgeTokens.verify(
                                    edgeKeys, token, "/v/" + otherMovie + "/" + version + "/master.m3u8", Instant.now())
                            .outcome())
                    .isEqualTo(EdgeTokenVerification.Outcome.PATH_OUTSIDE_PREFIX);
        }
        // The request's own address went to steering.
        assertThat(STEERING.clients()).contains("127.0.0.1");

        // The same session, read back; and the account's live sessions.
        JsonNode read = api.get("/api/v1/playback/sessions/" + id)
                .token(viewer.token())
                .send()
                .ok(200);
        assertThat(read.path("edges")).isEqualTo(edges);
        JsonNode live = api.get("/api/v1/playback/sessions")
                .token(viewer.token())
                .send()
                .ok(200);
        assertThat(live.path("totalItems").asLong()).isEqualTo(1);
        assertThat(live.path("items").get(0).path("sessionId").asString()).isEqualTo(id);
        assertThat(live.path("items").get(0).path("titleName").asString()).isEqualTo("Heat");
        assertThat(live.path("items").get(0).path("deviceClass").asString()).isEqualTo("tv");

        // Manifests: HLS on the first edge, DASH with a BaseURL per edge.
        var hls = api.get("/api/v1/playback/sessions/" + id + "/manifest.m3u8")
                .token(viewer.token())
                .send();
        assertThat(hls.status()).isEqualTo(200);
        assertThat(hls.header("Content-Type")).startsWith("application/vnd.apple.mpegurl");
        assertThat(hls.header("Cache-Control")).contains("no-store");
        String firstBase = edges.get(0).path("baseUrl").asString();
        assertThat(hls.raw().body())
                .startsWith("#EXTM3U")
                .contains(firstBase + "video/v2160p/index.m3u8")
                .contains("URI=\"" + firstBase + "audio/a-eng-0/index.m3u8\"")
                .doesNotContain("v1080p-hevc");
        var dash = api.get("/api/v1/playback/sessions/" + id + "/manifest.mpd")
                .token(viewer.token())
                .send();
        assertThat(dash.status()).isEqualTo(200);
        assertThat(dash.header("Content-Type")).startsWith("application/dash+xml");
        assertThat(dash.header("Cache-Control")).contains("no-store");
        assertThat(dash.raw().body())
                .contains("<BaseURL serviceLocation=\"isp-b\">" + firstBase + "</BaseURL>")
                .contains("<BaseURL serviceLocation=\"origin\">"
                        + edges.get(2).path("baseUrl").asString() + "</BaseURL>")
                .contains("id=\"v2160p\"")
                .doesNotContain("v1080p-hevc");

        // The licence: the title's key, and nothing for another title's key id.
        JsonNode licence = api.post("/api/v1/playback/sessions/" + id + "/licence")
                .token(viewer.token())
                .body(Map.of("kids", List.of(b64(movieKey.keyId()), b64(otherMovieKey.keyId())), "type", "temporary"))
                .send()
                .ok(200);
        assertThat(licence.path("type").asString()).isEqualTo("temporary");
        assertThat(licence.path("keys").size()).isEqualTo(1);
        JsonNode key = licence.path("keys").get(0);
        assertThat(key.path("kty").asString()).isEqualTo("oct");
        assertThat(key.path("kid").asString()).isEqualTo(b64(movieKey.keyId()));
        assertThat(key.path("k").asString()).isEqualTo(b64(movieKey.key()));
        api.post("/api/v1/playback/sessions/" + id + "/licence")
                .token(viewer.token())
                .body(Map.of("kids", List.of("not a key id")))
                .send()
                .problem(400);

        // A heartbeat extends the session; both facts reach Kafka, keyed by profile.
        JsonNode beat = api.post("/api/v1/playback/sessions/" + id + "/heartbeat")
                .token(viewer.token())
                .body(Map.of(
                        "positionMillis", 4000,
                        "bitrateBps", 437798,
                        "bufferMillis", 8000,
                        "rebufferCount", 1,
                        "rebufferMillis", 250,
                        "timeToFirstFrameMillis", 420))
                .send()
                .ok(200);
        Timer playDelay = meters.get("reel.playback.time.to.first.frame").timer();
        assertThat(playDelay.count()).isEqualTo(1);
        assertThat(playDelay.max(TimeUnit.MILLISECONDS)).isEqualTo(420);
        assertThat(Instant.parse(beat.path("expiresAt").asString()))
                .isAfterOrEqualTo(Instant.parse(session.path("expiresAt").asString()));
        var events = PlaybackEvents.ofSession(
                sessionId, PlaybackEvents.hasTypes("PlaybackStarted", "PlaybackHeartbeat"), EVENT_WAIT);
        assertThat(events)
                .extracting(PlaybackEvents.Event::type)
                .containsExactly("PlaybackStarted", "PlaybackHeartbeat");
        assertThat(events)
                .allSatisfy(e -> assertThat(e.key()).isEqualTo(viewer.profile().toString()));
        JsonNode started = events.get(0).payload();
        assertThat(started.path("accountId").asString())
                .isEqualTo(viewer.account().toString());
        assertThat(started.path("titleId").asString()).isEqualTo(movie.toString());
        assertThat(started.path("originVersion").asString()).isEqualTo(version);
        assertThat(started.path("deviceClass").asString()).isEqualTo("tv");
        assertThat(started.path("maxHeight").asInt()).isEqualTo(2160);
        assertThat(started.path("applianceId").asString()).isEqualTo("isp-b");
        // A movie: no episode; the duration is the catalog's media.durationSeconds in milliseconds.
        assertThat(events).allSatisfy(e -> {
            assertThat(e.payload().hasNonNull("episodeId")).isFalse();
            assertThat(e.payload().path("durationMillis").asLong()).isEqualTo(DURATION_MILLIS);
        });
        JsonNode heartbeat = events.get(1).payload();
        assertThat(heartbeat.path("positionMillis").asLong()).isEqualTo(4000);
        assertThat(heartbeat.path("bitrateBps").asLong()).isEqualTo(437798);
        assertThat(heartbeat.path("rebufferCount").asInt()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void entitlementIsCheckedWithAClearProblemEach() {
        Viewer viewer = viewer("18+", false);
        Viewer stranger = viewer("18+", false);
        // Another account's profile.
        start(viewer, stranger.profile(), movie).problem(404);
        // Unknown, draft.
        start(viewer, viewer.profile(), UUID.randomUUID()).problem(404);
        start(viewer, viewer.profile(), draftMovie).problem(404);
        // Published without media.
        JsonNode notPlayable = start(viewer, viewer.profile(), unencodedMovie).problem(409);
        assertThat(notPlayable.path("type").asString()).endsWith("/title-not-playable");
        // A kids profile and an 18+ title; a 13+ profile and a 16+ title.
        Viewer kid = viewer("18+", true);
        JsonNode restricted = start(kid, kid.profile(), adultMovie).problem(403);
        assertThat(restricted.path("type").asString()).endsWith("/maturity-restricted");
        assertThat(restricted.path("profileCeiling").asString()).isEqualTo("7+");
        Viewer teen = viewer("13+", false);
        start(teen, teen.profile(), movie).problem(403);
        start(teen, teen.profile(), otherMovie).ok(201);
        // Malformed requests.
        api.post("/api/v1/playback/sessions")
                .token(viewer.token())
                .body(Map.of("profileId", viewer.profile()))
                .send()
                .problem(400);
        api.post("/api/v1/playback/sessions")
                .token(viewer.token())
                .body(Map.of("profileId", viewer.profile(), "titleId", movie, "device", Map.of("class", "fridge")))
                .send()
                .problem(400);
        // No token.
        api.post("/api/v1/playback/sessions")
                .body(Map.of("profileId", viewer.profile(), "titleId", movie))
                .send()
                .problem(401);
    }

    @Test
    @Order(3)
    void phonesAreCappedAt1080pAndCodecsFilterBothManifests() {
        Viewer viewer = viewer("18+", false);
        JsonNode phone =
                start(viewer, viewer.profile(), movie, Map.of("class", "phone")).ok(201);
        assertThat(ids(phone.path("renditions"))).containsExactly("v144p", "v360p", "v1080p");
        String id = phone.path("sessionId").asString();
        String hls = api.get("/api/v1/playback/sessions/" + id + "/manifest.m3u8")
                .token(viewer.token())
                .send()
                .raw()
                .body();
        assertThat(hls)
                .contains("video/v1080p/index.m3u8")
                .doesNotContain("v2160p")
                .doesNotContain("hevc");
        String mpd = api.get("/api/v1/playback/sessions/" + id + "/manifest.mpd")
                .token(viewer.token())
                .send()
                .raw()
                .body();
        assertThat(mpd).contains("id=\"v1080p\"").doesNotContain("v2160p").doesNotContain("hevc");
        stop(viewer, id);

        // The gateway's header sets the class when the body does not; a declared height lowers the cap.
        JsonNode small = api.post("/api/v1/playback/sessions")
                .token(viewer.token())
                .header("X-Device-Class", "phone")
                .body(Map.of("profileId", viewer.profile(), "titleId", movie, "device", Map.of("maxHeight", 400)))
                .send()
                .ok(201);
        assertThat(ids(small.path("renditions"))).containsExactly("v144p", "v360p");
        stop(viewer, small.path("sessionId").asString());

        JsonNode hevcTv = start(viewer, viewer.profile(), movie, Map.of("class", "tv", "codecs", List.of("hvc1")))
                .ok(201);
        assertThat(ids(hevcTv.path("renditions"))).containsExactly("v1080p-hevc");
        String hevcId = hevcTv.path("sessionId").asString();
        assertThat(api.get("/api/v1/playback/sessions/" + hevcId + "/manifest.m3u8")
                        .token(viewer.token())
                        .send()
                        .raw()
                        .body())
                .contains("video/v1080p-hevc/index.m3u8")
                .doesNotContain("video/v1080p/index.m3u8")
                .doesNotContain("v2160p");
        assertThat(api.get("/api/v1/playback/sessions/" + hevcId + "/manifest.mpd")
                        .token(viewer.token())
                        .send()
                        .raw()
                        .body())
                .contains("id=\"v1080p-hevc\"")
                .doesNotContain("id=\"v1080p\"")
                .doesNotContain("id=\"v144p\"");
        stop(viewer, hevcId);

        JsonNode none = start(viewer, viewer.profile(), movie, Map.of("class", "tv", "codecs", List.of("vp09")))
                .problem(422);
        assertThat(none.path("type").asString()).endsWith("/no-playable-rendition");
    }

    // --- concurrent streams -----------------------------------------------------------------------------------------

    @Test
    @Order(4)
    void theThirdStreamIsRefusedUntilOneStops() {
        Viewer viewer = viewer("18+", false);
        String first =
                start(viewer, viewer.profile(), movie).ok(201).path("sessionId").asString();
        String second = start(viewer, viewer.profile(), otherMovie, Map.of("class", "phone"))
                .ok(201)
                .path("sessionId")
                .asString();

        JsonNode refused = start(viewer, viewer.profile(), movie).problem(409);
        assertThat(refused.path("type").asString()).endsWith("/too-many-streams");
        assertThat(refused.path("maxStreams").asInt()).isEqualTo(2);
        JsonNode live = refused.path("liveSessions");
        assertThat(ids(live, "sessionId")).containsExactly(first, second);
        assertThat(live.get(1).path("titleId").asString()).isEqualTo(otherMovie.toString());
        assertThat(live.get(1).path("titleName").asString()).isEqualTo("Ronin");
        assertThat(live.get(1).path("deviceClass").asString()).isEqualTo("phone");

        stop(viewer, first);
        stop(viewer, first); // idempotent
        String third =
                start(viewer, viewer.profile(), movie).ok(201).path("sessionId").asString();

        // An ended session refuses heartbeats, licences and manifests with 410, and reads back as stopped.
        api.post("/api/v1/playback/sessions/" + first + "/heartbeat")
                .token(viewer.token())
                .body(Map.of("positionMillis", 1))
                .send()
                .problem(410);
        JsonNode gone = api.post("/api/v1/playback/sessions/" + first + "/licence")
                .token(viewer.token())
                .body(Map.of("kids", List.of(b64(movieKey.keyId())), "type", "temporary"))
                .send()
                .problem(410);
        assertThat(gone.path("type").asString()).endsWith("/session-ended");
        api.get("/api/v1/playback/sessions/" + first + "/manifest.m3u8")
                .token(viewer.token())
                .send()
                .problem(410);
        assertThat(api.get("/api/v1/playback/sessions/" + first)
                        .token(viewer.token())
                        .send()
                        .ok(200)
                        .path("state")
                        .asString())
                .isEqualTo("STOPPED");
        var stopped = PlaybackEvents.ofSession(
                UUID.fromString(first), PlaybackEvents.hasTypes("PlaybackStarted", "PlaybackStopped"), EVENT_WAIT);
        assertThat(stopped)
                .extracting(PlaybackEvents.Event::type)
                .containsExactly("PlaybackStarted", "PlaybackStopped");
        assertThat(stopped.get(1).payload().path("reason").asString()).isEqualTo("STOPPED");
        assertThat(stopped.get(1).payload().path("positionMillis").asLong()).isEqualTo(1000);
        assertThat(stopped.get(1).payload().path("durationMillis").asLong()).isEqualTo(DURATION_MILLIS);

        stop(viewer, second);
        stop(viewer, third);
    }

    @Test
    @Order(5)
    void concurrentStartsNeverExceedTheLimit() throws Exception {
        Viewer viewer = viewer("18+", false);
        List<Callable<Integer>> starts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            starts.add(() -> start(viewer, viewer.profile(), movie).status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(6)) {
            for (Future<Integer> status : executor.invokeAll(starts)) {
                statuses.add(status.get());
            }
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(2);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(4);
        assertThat(api.get("/api/v1/playback/sessions")
                        .token(viewer.token())
                        .send()
                        .ok(200)
                        .path("totalItems")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    @Order(6)
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameSession() {
        Viewer viewer = viewer("18+", false);
        String key = "play-" + UUID.randomUUID();
        JsonNode first = startWithKey(viewer, movie, key).ok(201);
        var retry = startWithKey(viewer, movie, key);
        JsonNode again = retry.ok(200);
        assertThat(again.path("sessionId").asString())
                .isEqualTo(first.path("sessionId").asString());
        assertThat(again.path("edges")).isEqualTo(first.path("edges"));
        // The retry took no second slot.
        assertThat(api.get("/api/v1/playback/sessions")
                        .token(viewer.token())
                        .send()
                        .ok(200)
                        .path("totalItems")
                        .asLong())
                .isEqualTo(1);
        startWithKey(viewer, otherMovie, key).problem(422);
        // Keys are per account.
        Viewer other = viewer("18+", false);
        assertThat(startWithKey(other, movie, key).ok(201).path("sessionId").asString())
                .isNotEqualTo(first.path("sessionId").asString());
    }

    @Test
    @Order(7)
    void anotherAccountsSessionDoesNotExist() {
        Viewer owner = viewer("18+", false);
        Viewer stranger = viewer("18+", false);
        String id =
                start(owner, owner.profile(), movie).ok(201).path("sessionId").asString();
        String base = "/api/v1/playback/sessions/" + id;
        api.get(base).token(stranger.token()).send().problem(404);
        api.get(base + "/manifest.m3u8").token(stranger.token()).send().problem(404);
        api.get(base + "/manifest.mpd").token(stranger.token()).send().problem(404);
        api.post(base + "/heartbeat")
                .token(stranger.token())
                .body(Map.of())
                .send()
                .problem(404);
        api.post(base + "/stop").token(stranger.token()).body(Map.of()).send().problem(404);
        api.post(base + "/licence")
                .token(stranger.token())
                .body(Map.of("kids", List.of(b64(movieKey.keyId()))))
                .send()
                .problem(404);
        assertThat(api.get("/api/v1/playback/sessions")
                        .token(stranger.token())
                        .send()
                        .ok(200)
                        .path("totalItems")
                        .asLong())
                .isZero();
        // Still live for its owner.
        api.post(base + "/heartbeat").token(owner.token()).body(Map.of()).send().ok(200);
    }

    @Test
    @Order(8)
    void sessionsWithoutHeartbeatsExpireAndFreeTheirSlot() {
        Viewer viewer = viewer("18+", false);
        String first =
                start(viewer, viewer.profile(), movie).ok(201).path("sessionId").asString();
        String second =
                start(viewer, viewer.profile(), movie).ok(201).path("sessionId").asString();
        start(viewer, viewer.profile(), movie).problem(409);

        // The timeout is 4 s in tests and the sweeper runs every 500 ms.
        var events = PlaybackEvents.ofSession(
                UUID.fromString(first), PlaybackEvents.hasTypes("PlaybackStarted", "PlaybackStopped"), EVENT_WAIT);
        assertThat(events).extracting(PlaybackEvents.Event::type).containsExactly("PlaybackStarted", "PlaybackStopped");
        assertThat(events.get(1).payload().path("reason").asString()).isEqualTo("EXPIRED");
        // The sweeper's stop carries what the session row holds.
        assertThat(events.get(1).payload().path("durationMillis").asLong()).isEqualTo(DURATION_MILLIS);
        assertThat(api.get("/api/v1/playback/sessions/" + first)
                        .token(viewer.token())
                        .send()
                        .ok(200)
                        .path("state")
                        .asString())
                .isEqualTo("EXPIRED");
        api.post("/api/v1/playback/sessions/" + second + "/heartbeat")
                .token(viewer.token())
                .body(Map.of())
                .send()
                .problem(410);
        start(viewer, viewer.profile(), movie).ok(201);
    }

    // --- episodes
    // -----------------------------------------------------------------------------------------------------

    @Test
    @Order(9)
    void anEpisodeOfASeriesPlaysTheTitlesMediaAndIsCarriedInEveryEvent() {
        Viewer viewer = viewer("13+", false);
        JsonNode session = startEpisode(viewer, series, episode2).ok(201);
        String id = session.path("sessionId").asString();
        assertThat(session.path("titleId").asString()).isEqualTo(series.toString());
        assertThat(session.path("episodeId").asString()).isEqualTo(episode2.toString());
        // Per-episode media does not exist yet: the session streams the series' own version.
        assertThat(session.path("originVersion").asString()).isEqualTo(seriesVersion);
        assertThat(session.path("edges").get(0).path("baseUrl").asString())
                .endsWith("/v/" + series + "/" + seriesVersion + "/");
        assertThat(api.get("/api/v1/playback/sessions/" + id)
                        .token(viewer.token())
                        .send()
                        .ok(200)
                        .path("episodeId")
                        .asString())
                .isEqualTo(episode2.toString());
        assertThat(api.get("/api/v1/playback/sessions")
                        .token(viewer.token())
                        .send()
                        .ok(200)
                        .path("items")
                        .get(0)
                        .path("episodeId")
                        .asString())
                .isEqualTo(episode2.toString());
        api.post("/api/v1/playback/sessions/" + id + "/heartbeat")
                .token(viewer.token())
                .body(Map.of("positionMillis", 3000))
                .send()
                .ok(200);
        stop(viewer, id);

        var events = PlaybackEvents.ofSession(
                UUID.fromString(id),
                PlaybackEvents.hasTypes("PlaybackStarted", "PlaybackHeartbeat", "PlaybackStopped"),
                EVENT_WAIT);
        assertThat(events)
                .extracting(PlaybackEvents.Event::type)
                .containsExactly("PlaybackStarted", "PlaybackHeartbeat", "PlaybackStopped");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.key()).isEqualTo(viewer.profile().toString());
            assertThat(e.payload().path("titleId").asString()).isEqualTo(series.toString());
            assertThat(e.payload().path("episodeId").asString()).isEqualTo(episode2.toString());
            assertThat(e.payload().path("durationMillis").asLong()).isEqualTo(DURATION_MILLIS);
        });

        // A series without an episode plays as a whole.
        JsonNode whole = start(viewer, viewer.profile(), series).ok(201);
        assertThat(whole.hasNonNull("episodeId")).isFalse();
        stop(viewer, whole.path("sessionId").asString());

        // An unknown episode, another series' episode and any episode on a movie do not exist.
        JsonNode unknown = startEpisode(viewer, series, UUID.randomUUID()).problem(404);
        assertThat(unknown.path("detail").asString()).contains("has no episode");
        startEpisode(viewer, series, otherSeriesEpisode).problem(404);
        JsonNode onMovie = startEpisode(viewer, otherMovie, episode1).problem(404);
        assertThat(onMovie.path("detail").asString()).contains("not a series");

        // An Idempotency-Key is bound to the episode too.
        String key = "play-" + UUID.randomUUID();
        String keyed = startEpisode(viewer, series, episode3, key)
                .ok(201)
                .path("sessionId")
                .asString();
        assertThat(startEpisode(viewer, series, episode3, key)
                        .ok(200)
                        .path("sessionId")
                        .asString())
                .isEqualTo(keyed);
        startEpisode(viewer, series, episode1, key).problem(422);
        startWithKey(viewer, series, key).problem(422);
        stop(viewer, keyed);
    }

    // --- dependency outages (last: they switch the stand-ins off) ---------------------------------------------------

    @Test
    @Order(20)
    void withSteeringDownTheLastAnswerForTheClientNetworkIsUsedElseOriginOnly() {
        Viewer viewer = viewer("18+", false);
        JsonNode before = startFrom(viewer, movie, "10.1.2.3").ok(201);
        assertThat(ids(before.path("edges"))).containsExactly("isp-b", "isp-a", "origin");
        stop(viewer, before.path("sessionId").asString());
        STEERING.down(true);
        try {
            // Same /24 and title: steering's last answer.
            JsonNode cached = startFrom(viewer, movie, "10.1.2.99").ok(201);
            assertThat(ids(cached.path("edges"))).containsExactly("isp-b", "isp-a", "origin");
            stop(viewer, cached.path("sessionId").asString());
            // Another network: origin only, from reel.playback.origin-url.
            JsonNode originOnly = startFrom(viewer, movie, "10.9.9.9").ok(201);
            assertThat(ids(originOnly.path("edges"))).containsExactly("origin");
            JsonNode origin = originOnly.path("edges").get(0);
            assertThat(origin.path("kind").asString()).isEqualTo("ORIGIN");
            assertThat(origin.path("baseUrl").asString())
                    .startsWith("http://localhost:9000/s/")
                    .endsWith("/v/" + movie + "/" + version + "/");
            stop(viewer, originOnly.path("sessionId").asString());
        } finally {
            STEERING.down(false);
        }
    }

    @Test
    @Order(21)
    void withCatalogDownTheLastTitleDataIsUsedElse503() {
        Viewer viewer = viewer("18+", false);
        stop(
                viewer,
                start(viewer, viewer.profile(), movie).ok(201).path("sessionId").asString());
        stop(
                viewer,
                startEpisode(viewer, series, episode1).ok(201).path("sessionId").asString());
        CATALOG.down(true);
        try {
            String id = start(viewer, viewer.profile(), movie)
                    .ok(201)
                    .path("sessionId")
                    .asString();
            stop(viewer, id);
            // The last-known title keeps the media duration and the series' episodes.
            JsonNode episode = startEpisode(viewer, series, episode3).ok(201);
            assertThat(episode.path("episodeId").asString()).isEqualTo(episode3.toString());
            stop(viewer, episode.path("sessionId").asString());
            startEpisode(viewer, series, UUID.randomUUID()).problem(404);
            UUID neverSeen = UUID.randomUUID();
            start(viewer, viewer.profile(), neverSeen).problem(503);
            var events = PlaybackEvents.ofSession(
                    UUID.fromString(id), PlaybackEvents.hasTypes("PlaybackStarted"), EVENT_WAIT);
            assertThat(events.getFirst().payload().path("durationMillis").asLong())
                    .isEqualTo(DURATION_MILLIS);
        } finally {
            CATALOG.down(false);
        }
    }

    @Test
    @Order(22)
    void withIdentityDownTheLastProfileIsUsedElse503() {
        Viewer viewer = viewer("18+", false);
        stop(
                viewer,
                start(viewer, viewer.profile(), movie).ok(201).path("sessionId").asString());
        Viewer newcomer = viewer("18+", false);
        IDENTITY.down(true);
        try {
            stop(
                    viewer,
                    start(viewer, viewer.profile(), movie)
                            .ok(201)
                            .path("sessionId")
                            .asString());
            start(newcomer, newcomer.profile(), movie).problem(503);
        } finally {
            IDENTITY.down(false);
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private record Viewer(UUID account, UUID profile, String token) {}

    private static Viewer viewer(String ceiling, boolean kids) {
        UUID account = UUID.randomUUID();
        return new Viewer(account, IDENTITY.addProfile(account, ceiling, kids), TestTokens.member(account));
    }

    private TestHttp.Response start(Viewer viewer, UUID profile, UUID title) {
        return api.post("/api/v1/playback/sessions")
                .token(viewer.token())
                .body(Map.of("profileId", profile, "titleId", title))
                .send();
    }

    private TestHttp.Response start(Viewer viewer, UUID profile, UUID title, Map<String, Object> device) {
        return api.post("/api/v1/playback/sessions")
                .token(viewer.token())
                .body(Map.of("profileId", profile, "titleId", title, "device", device))
                .send();
    }

    private TestHttp.Response startEpisode(Viewer viewer, UUID title, UUID episode) {
        return api.post("/api/v1/playback/sessions")
                .token(viewer.token())
                .body(Map.of("profileId", viewer.profile(), "titleId", title, "episodeId", episode))
                .send();
    }

    private TestHttp.Response startEpisode(Viewer viewer, UUID title, UUID episode, String key) {
        return api.post("/api/v1/playback/sessions")
                .token(viewer.token())
                .header("Idempotency-Key", key)
                .body(Map.of("profileId", viewer.profile(), "titleId", title, "episodeId", episode))
                .send();
    }

    private TestHttp.Response startWithKey(Viewer viewer, UUID title, String key) {
        return api.post("/api/v1/playback/sessions")
                .token(viewer.token())
                .header("Idempotency-Key", key)
                .body(Map.of("profileId", viewer.profile(), "titleId", title))
                .send();
    }

    private TestHttp.Response startFrom(Viewer viewer, UUID title, String clientAddress) {
        return api.post("/api/v1/playback/sessions")
                .token(viewer.token())
                .header("X-Client-Address", clientAddress)
                .body(Map.of("profileId", viewer.profile(), "titleId", title))
                .send();
    }

    private void stop(Viewer viewer, String sessionId) {
        var response = api.post("/api/v1/playback/sessions/" + sessionId + "/stop")
                .token(viewer.token())
                .body(Map.of("positionMillis", 1000))
                .send();
        assertThat(response.status()).as(response.raw().body()).isEqualTo(204);
    }

    private static List<String> ids(JsonNode array) {
        return ids(array, "id");
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        for (JsonNode node : array) {
            ids.add(node.path(field).asString());
        }
        return ids;
    }

    private static String token(String baseUrl) {
        int from = baseUrl.indexOf("/s/") + 3;
        return baseUrl.substring(from, baseUrl.indexOf('/', from));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A title version laid out like the encoder's output: manifests, media playlists and (dummy) segments. */
    private static Path packagedTitle(String name) throws IOException {
        Path dir = Files.createDirectories(WORK.resolve("packaged").resolve(name));
        Files.writeString(dir.resolve("master.m3u8"), TestManifests.MASTER);
        Files.writeString(dir.resolve("manifest.mpd"), TestManifests.MPD);
        Map<String, String> tracks = new HashMap<>();
        for (String rung : List.of("v144p", "v360p", "v1080p", "v1080p-hevc", "v2160p")) {
            tracks.put("video/" + rung, rung);
        }
        tracks.put("audio/a-eng-0", "a-eng-0");
        for (String track : tracks.keySet()) {
            Path trackDir = Files.createDirectories(dir.resolve(track));
            Files.writeString(trackDir.resolve("index.m3u8"), TestManifests.MEDIA_PLAYLIST);
            Files.write(trackDir.resolve("init.mp4"), (name + track).getBytes(StandardCharsets.UTF_8));
            Files.write(trackDir.resolve("seg-00001.m4s"), new byte[] {1, 2, 3});
        }
        Path subtitles = Files.createDirectories(dir.resolve("subtitles"));
        Files.writeString(subtitles.resolve("s-eng-0.vtt"), "WEBVTT\n");
        Files.writeString(subtitles.resolve("s-eng-0.m3u8"), "#EXTM3U\n");
        return dir;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("playback-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
