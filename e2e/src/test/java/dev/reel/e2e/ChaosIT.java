package dev.reel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Breaks the shared platform on purpose, through the {@code reel chaos} and {@code reel load} commands a user runs, and
 * checks that viewers do not notice: Chaos Monkey under load, Latency Monkey under the home page, a zone outage, a ChAP
 * experiment that must stop itself, and best-effort traffic far over capacity. Runs after the browser tests, on the
 * shared platform with two instances of every service a viewer's start touches, one in each zone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.class)
@Order(3)
class ChaosIT {

    private static final String PASSWORD = "correct horse battery staple";

    private Platform platform;

    @BeforeAll
    void awaitDemo(Platform shared) throws Exception {
        assumeFalse(shared.attached(), "ChaosIT kills parts of the platform: it runs only on one of its own");
        platform = shared;
        platform.awaitPlayableDemo(Duration.ofMinutes(10));
        awaitEveryInstanceHealthy(Duration.ofMinutes(3));
    }

    @Test
    @Order(1)
    void latencyInPersonalizationLeavesHomeFastWithFallbackRows() throws Exception {
        Member viewer = Member.signUp(InetAddress.getByName("127.0.3.1"));
        String token = viewer.logIn();
        Api asProfile = viewer.api().forProfile(firstProfile(viewer.api(), token));

        var latency = platform.reel(
                Duration.ofSeconds(60),
                "chaos",
                "latency",
                "--service",
                "personalization",
                "--ms",
                "2000",
                "--duration",
                "2m");
        assertThat(latency.exitCode()).as(latency.output()).isZero();
        try {
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                var home = asProfile.get("/api/v1/home", token);
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(home.status()).as(home.body()).isEqualTo(200);
                assertThat(home.json().path("rows").isEmpty()).as(home.body()).isFalse();
                assertThat(home.json().path("fallback").asString())
                        .as(home.body())
                        .isEqualTo("gateway");
            }
            System.out.println("e2e: home under 2 s of injected latency, ms: " + millis);
            // Far below the injected 2 s: the gateway gave up on personalization and answered from catalog.
            assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(1_500));
        } finally {
            var clear = platform.reel(Duration.ofSeconds(60), "chaos", "clear");
            assertThat(clear.exitCode()).as(clear.output()).isZero();
        }
        // Once cleared, personalization answers the home page again.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode page;
        do {
            Thread.sleep(500);
            page = asProfile.get("/api/v1/home", token).json();
        } while (page.has("fallback") && System.nanoTime() < deadline);
        assertThat(page.has("fallback")).as(page.toString()).isFalse();
    }

    @Test
    @Order(2)
    void chaosMonkeyKillingCatalogAndPlaybackUnderLoadFailsNoStartAndLosesNoEvent() throws Exception {
        Path report = platform.dataDir().resolve("load/monkey.json");
        var load = platform.reelInBackground(
                "load-monkey", "load", "--starts-per-second", "2", "--duration", "75s", "--report", report.toString());
        Thread.sleep(25_000);
        var catalog = platform.reel(
                Duration.ofSeconds(60),
                "chaos",
                "monkey",
                "--service",
                "catalog",
                "--interval",
                "1h",
                "--duration",
                "1s");
        assertThat(catalog.exitCode()).as(catalog.output()).isZero();
        assertThat(catalog.output()).contains("catalog-");
        Thread.sleep(15_000);
        var playback = platform.reel(
                Duration.ofSeconds(60),
                "chaos",
                "monkey",
                "--service",
                "playback",
                "--interval",
                "1h",
                "--duration",
                "1s");
        assertThat(playback.exitCode()).as(playback.output()).isZero();
        assertThat(playback.output()).contains("playback-");

        var done = load.await(Duration.ofMinutes(3));
        JsonNode summary = Api.JSON.readTree(Files.readString(report));
        System.out.println("e2e: load under Chaos Monkey: " + summary);
        assertThat(summary.path("failedStarts").asInt()).as(done.output()).isZero();
        assertThat(summary.path("lostEvents").asInt()).as(done.output()).isZero();
        assertThat(summary.path("eventsChecked").asInt()).isPositive();
        assertThat(summary.path("succeededStarts").asInt()).as(done.output()).isGreaterThan(100);
        assertThat(done.exitCode()).as(done.output()).isZero();
        awaitEveryInstanceHealthy(Duration.ofMinutes(3));
    }

    @Test
    @Order(3)
    void zoneGorillaLeavesStartsSucceeding() throws Exception {
        Path report = platform.dataDir().resolve("load/gorilla.json");
        var load = platform.reelInBackground(
                "load-gorilla", "load", "--starts-per-second", "2", "--duration", "60s", "--report", report.toString());
        Thread.sleep(25_000);
        var gorilla = platform.reel(
                Duration.ofSeconds(90), "chaos", "gorilla", "--zone", "zone-a", "--hold", "20s", "--no-wait");
        assertThat(gorilla.exitCode()).as(gorilla.output()).isZero();
        assertThat(gorilla.output()).contains("playback-0", "catalog-0", "identity-0");

        var done = load.await(Duration.ofMinutes(3));
        JsonNode summary = Api.JSON.readTree(Files.readString(report));
        System.out.println("e2e: load through a zone outage: " + summary);
        assertThat(summary.path("failedStarts").asInt()).as(done.output()).isZero();
        assertThat(summary.path("succeededStarts").asInt()).as(done.output()).isGreaterThan(80);
        awaitEveryInstanceHealthy(Duration.ofMinutes(3));
    }

    @Test
    @Order(4)
    void anExperimentThatHurtsStartsStopsItselfAndSaysWhy() throws Exception {
        var load = platform.reelInBackground(
                "load-experiment",
                "load",
                "--starts-per-second",
                "3",
                "--duration",
                "150s",
                "--report",
                platform.dataDir().resolve("load/experiment.json").toString());
        try {
            Thread.sleep(25_000);
            Path report = platform.dataDir().resolve("chaos/harmful.json");
            long started = System.nanoTime();
            var experiment = platform.reel(
                    Duration.ofSeconds(180),
                    "chaos",
                    "experiment",
                    "--target",
                    "playback",
                    "--fault",
                    "errors",
                    "--traffic",
                    "25%",
                    "--duration",
                    "2m",
                    "--min-starts",
                    "8",
                    "--report",
                    report.toString());
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("e2e: harmful experiment ended after %.1f s:%n%s%n", seconds, experiment.output());
            assertThat(experiment.exitCode()).as(experiment.output()).isEqualTo(2);
            JsonNode result = Api.JSON.readTree(Files.readString(report));
            assertThat(result.path("state").asString()).isEqualTo("STOPPED_HARMFUL");
            assertThat(result.path("reason").asString()).isNotBlank();
            assertThat(result.path("experiment").path("starts").asInt())
                    .isLessThan(result.path("control").path("starts").asInt());
            assertThat(seconds).as("stopped before its 2 minutes were up").isLessThan(110);
        } finally {
            load.process().destroy();
            load.process().waitFor();
        }
        // The fault ended with the experiment: a viewer in every cohort can start playback again.
        var status = platform.reel(Duration.ofSeconds(60), "chaos", "status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).doesNotContain("RUNNING");
    }

    @Test
    @Order(5)
    void bestEffortFloodFarOverCapacityLeavesCriticalCallsSucceeding() throws Exception {
        String title =
                platform.awaitPlayableDemo(Duration.ofMinutes(1)).getFirst().id();
        List<Flooder> flooders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            InetAddress address = InetAddress.getByName("127.0.4." + (10 + i));
            Member member = Member.signUp(address);
            String token = member.logIn();
            flooders.add(new Flooder(token, firstProfile(member.api(), token), address));
        }
        Member player = Member.signUp(InetAddress.getByName("127.0.3.2"));
        String playerToken = player.logIn();
        String playerProfile = firstProfile(player.api(), playerToken);

        AtomicBoolean flooding = new AtomicBoolean(true);
        ConcurrentMap<Integer, LongAdder> floodStatuses = new ConcurrentHashMap<>();
        AtomicInteger shedWithProblem = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            Flooder flooder = flooders.get(i % flooders.size());
            threads.add(Thread.ofVirtual().start(() -> {
                while (flooding.get()) {
                    try {
                        HttpResponse<String> answer =
                                flooder.http.send(flooder.event(title), HttpResponse.BodyHandlers.ofString());
                        floodStatuses
                                .computeIfAbsent(answer.statusCode(), s -> new LongAdder())
                                .increment();
                        if (answer.statusCode() == 503
                                && "best-effort"
                                        .equals(answer.headers()
                                                .firstValue("Reel-Shed")
                                                .orElse(null))
                                && answer.headers().firstValue("Retry-After").isPresent()
                                && answer.body().contains("\"status\":503")) {
                            shedWithProblem.incrementAndGet();
                        }
                    } catch (Exception e) {
                        floodStatuses.computeIfAbsent(0, s -> new LongAdder()).increment();
                    }
                }
            }));
        }
        int plays = 0;
        List<String> failedPlays = new ArrayList<>();
        try {
            Thread.sleep(3_000);
            long end = System.nanoTime() + Duration.ofSeconds(25).toNanos();
            Api asProfile = player.api().forProfile(playerProfile);
            while (System.nanoTime() < end) {
                plays++;
                var session = asProfile.post(
                        "/api/v1/playback/sessions",
                        Map.of(
                                "profileId", playerProfile,
                                "titleId", title,
                                "device", Map.of("class", "tv", "codecs", List.of("avc1"))),
                        playerToken);
                if (session.status() != 201) {
                    failedPlays.add(session.status() + " " + session.body());
                    continue;
                }
                String id = session.json().path("sessionId").asString();
                var stop = asProfile.post(
                        "/api/v1/playback/sessions/" + id + "/stop", Map.of("positionMillis", 1000), playerToken);
                if (stop.status() / 100 != 2) {
                    failedPlays.add("stop " + stop.status() + " " + stop.body());
                }
            }
        } finally {
            flooding.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }
        System.out.printf(
                "e2e: %d plays under a best-effort flood; flood answers by status %s; %d failed plays %s%n",
                plays, floodStatuses, failedPlays.size(), failedPlays);
        assertThat(failedPlays).isEmpty();
        assertThat(plays).isGreaterThan(10);
        assertThat(shedWithProblem.get())
                .as("best-effort requests shed with 503, Reel-Shed, Retry-After and a problem body")
                .isPositive();
    }

    /** One account flooding POST /api/v1/events from its own address. */
    private static final class Flooder {
        private final String token;
        private final String profile;
        private final HttpClient http;

        Flooder(String token, String profile, InetAddress local) {
            this.token = token;
            this.profile = profile;
            this.http = HttpClient.newBuilder()
                    .localAddress(local)
                    .connectTimeout(Duration.ofSeconds(5))
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        }

        HttpRequest event(String title) {
            String body = "{\"events\":[{\"type\":\"TitleClicked\",\"eventId\":\"" + UUID.randomUUID()
                    + "\",\"rowId\":\"trending\",\"rowKind\":\"TRENDING\",\"rowPosition\":0,\"titleId\":\"" + title
                    + "\",\"position\":0}]}";
            return HttpRequest.newBuilder(URI.create(Platform.GATEWAY + "/api/v1/events"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .header("X-Profile-Id", profile)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }
    }

    /** A member whose requests come from an address of its own (the gateway limits logins per address). */
    private record Member(Api api, String email) {

        static Member signUp(InetAddress local) {
            Api api = new Api(local);
            String email = "chaos-" + UUID.randomUUID() + "@example.com";
            var signup = api.post(
                    "/api/v1/accounts", Map.of("email", email, "password", PASSWORD, "displayName", "Chaos"), null);
            assertThat(signup.status()).as(signup.body()).isEqualTo(201);
            return new Member(api, email);
        }

        String logIn() {
            return api.login(email, PASSWORD);
        }
    }

    private static String firstProfile(Api api, String token) {
        var profiles = api.get("/api/v1/profiles", token);
        assertThat(profiles.status()).as(profiles.body()).isEqualTo(200);
        JsonNode list = profiles.json().has("items") ? profiles.json().get("items") : profiles.json();
        return list.get(0).get("id").asString();
    }

    /** Waits until every instance the launcher runs answers its health check with UP (after kills and holds). */
    private void awaitEveryInstanceHealthy(Duration timeout) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> down;
        do {
            down = new ArrayList<>();
            for (JsonNode instance : platform.state().path("instances")) {
                String url = "http://localhost:" + instance.path("port").asInt() + "/actuator/health";
                boolean up;
                try {
                    var answer = http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    up = answer.statusCode() == 200;
                } catch (Exception e) {
                    up = false;
                }
                if (!up) {
                    down.add(instance.path("service").asString() + "-"
                            + instance.path("index").asInt());
                }
            }
            if (down.isEmpty()) {
                return;
            }
            Thread.sleep(1_000);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("instances not healthy again within " + timeout + ": " + down);
    }
}
