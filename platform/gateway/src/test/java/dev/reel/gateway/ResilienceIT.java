package dev.reel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.reel.resilience.ChaosFault;
import dev.reel.resilience.ChaosSigner;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load shedding, breakers with fallbacks, write retries and chaos in the gateway with its real policy
 * (config/gateway.yml), in front of stand-ins found through the simple discovery client. The shedding limit is pinned
 * at 10 (best effort may fill 5, degraded 8, critical 10); playback has two dead instances beside the live one (one
 * of them comes alive as an instance that dies mid-request), and viewing and personalization have only dead ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ResilienceIT {

    private static final RSAKey KEY = TestTokens.rsaKey("resilience-test");
    private static final Path CHAOS_KEY = chaosKey();
    private static final ChaosSigner SIGNER = signer();
    private static final String JWKS = new JWKSet(KEY.toPublicJWK()).toString();
    private static final EchoStandIn IDENTITY = new EchoStandIn("identity", JWKS, SIGNER);
    private static final EchoStandIn CATALOG = new EchoStandIn("catalog", JWKS, SIGNER);
    private static final EchoStandIn SEARCH = new EchoStandIn("search", JWKS, SIGNER);
    private static final EchoStandIn PLAYBACK = new EchoStandIn("playback", JWKS, SIGNER);
    private static final int DEAD_PORT = unusedPort();
    private static final int DROPPING_PORT = unusedPort();
    private static final int LIMIT = 10;

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    private CircuitBreakerRegistry breakers;

    @Autowired
    private TimeLimiterRegistry timeLimiters;

    @DynamicPropertySource
    static void discovery(DynamicPropertyRegistry registry) {
        String simple = "spring.cloud.discovery.client.simple.instances.";
        String dead = "http://127.0.0.1:" + DEAD_PORT;
        registry.add(simple + "identity[0].uri", IDENTITY::uri);
        registry.add(simple + "catalog[0].uri", CATALOG::uri);
        registry.add(simple + "search[0].uri", SEARCH::uri);
        registry.add(simple + "playback[0].uri", () -> dead);
        registry.add(simple + "playback[1].uri", PLAYBACK::uri);
        // Refuses connections like the dead one, except while a test listens there with a DroppingInstance.
        registry.add(simple + "playback[2].uri", () -> "http://127.0.0.1:" + DROPPING_PORT);
        registry.add(simple + "viewing[0].uri", () -> dead);
        registry.add(simple + "personalization[0].uri", () -> dead);
        // The dead playback instance is never ejected for long, so writes keep meeting it and must be retried.
        registry.add("reel.gateway.upstream.ejection-time", () -> "1ms");
        registry.add("reel.gateway.shedding.initial-limit", () -> LIMIT);
        registry.add("reel.gateway.shedding.min-limit", () -> LIMIT);
        registry.add("reel.gateway.shedding.max-limit", () -> LIMIT);
        // Only the limit sheds here: the machine's CPU load is not the test's to control.
        registry.add("reel.gateway.shedding.cpu-shedding", () -> false);
        registry.add("reel.gateway.chaos.key-file", CHAOS_KEY::toString);
    }

    @AfterAll
    static void stopStandIns() {
        List.of(IDENTITY, CATALOG, SEARCH, PLAYBACK).forEach(EchoStandIn::close);
    }

    @AfterEach
    void endChaos() {
        String admin = bearer(admin());
        client().delete()
                .uri("/api/v1/chaos/faults")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .exchange()
                .expectStatus()
                .isOk();
        JsonNode overview = body(client().get()
                .uri("/api/v1/chaos")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult());
        overview.path("experiments").forEach(e -> {
            if (e.path("state").asString().equals("RUNNING")) {
                client().delete()
                        .uri("/api/v1/chaos/experiments/" + e.path("id").asString())
                        .header(HttpHeaders.AUTHORIZATION, admin)
                        .exchange()
                        .expectStatus()
                        .isOk();
            }
        });
    }

    // --- shedding -------------------------------------------------------------------------------------------------

    @Test
    void underLoadBestEffortIsShedFirstWhileDegradedAndCriticalStillPass() throws InterruptedException {
        WebClient async = WebClient.create("http://localhost:" + port);
        List<Disposable> holders = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) { // 6 degraded requests in flight: above best effort's 5, below degraded's 8
                holders.add(async.get()
                        .uri("/api/v1/titles/hold")
                        .retrieve()
                        .toBodilessEntity()
                        .subscribe(r -> {}, e -> {}));
            }
            awaitHeld(CATALOG, 6);

            EntityExchangeResult<byte[]> shed = client().post()
                    .uri("/api/v1/events")
                    .header(HttpHeaders.AUTHORIZATION, bearer(member()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"events\":[]}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectHeader()
                    .valueEquals("Reel-Shed", "best-effort")
                    .expectBody()
                    .returnResult();
            JsonNode problem = body(shed);
            assertThat(problem.path("type").asString()).isEqualTo("about:blank");
            assertThat(problem.path("title").asString()).isEqualTo("Service overloaded");
            assertThat(problem.path("status").asInt()).isEqualTo(503);
            assertThat(problem.path("detail").asString())
                    .isEqualTo("gateway is shedding best-effort requests under load; retry after 1 s");
            assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/events");

            client().get().uri("/api/v1/genres").exchange().expectStatus().isOk();
            JsonNode login = body(client().post()
                    .uri("/api/v1/auth/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"email\":\"a@reel.test\",\"password\":\"x\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .returnResult());
            assertThat(login.path("headers").path("reel-criticality").asString())
                    .isEqualTo("critical");
        } finally {
            CATALOG.release();
            holders.forEach(Disposable::dispose);
        }
        awaitHeld(CATALOG, 0);
        CATALOG.rearm();
        // With the load gone, best effort passes again (to the dropped-events fallback: personalization is down).
        client().post()
                .uri("/api/v1/events")
                .header(HttpHeaders.AUTHORIZATION, bearer(member()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"events\":[]}")
                .exchange()
                .expectStatus()
                .isAccepted();
    }

    @Test
    void theGatewayStampsCriticalityAndDropsClientChaosHeaders() {
        JsonNode echo = body(client().get()
                .uri("/api/v1/genres")
                .header("Reel-Criticality", "critical")
                .header(ChaosSigner.HEADER, "forged.value")
                .header(ChaosSigner.COHORT_HEADER, "experiment")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult());
        JsonNode headers = echo.path("headers");
        assertThat(headers.path("reel-criticality").asString()).isEqualTo("degraded");
        assertThat(headers.has("reel-chaos")).isFalse();
        assertThat(headers.has("reel-cohort")).isFalse();
    }

    // --- breakers, fallbacks, retries -----------------------------------------------------------------------------

    @Test
    void aServiceThatCannotBeReachedIsA503ProblemWithRetryAfterFromItsBreakersFallback() {
        EntityExchangeResult<byte[]> result = client().get()
                .uri("/api/v1/viewing/continue-watching")
                .header(HttpHeaders.AUTHORIZATION, bearer(member()))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody()
                .returnResult();
        assertThat(body(result).path("detail").asString()).isEqualTo("Viewing is unavailable.");
        assertThat(body(result).path("instance").asString()).isEqualTo("/api/v1/fallback/unavailable");

        CircuitBreakerConfig viewing = breakers.find("viewing").orElseThrow().getCircuitBreakerConfig();
        assertThat(viewing.getSlidingWindowSize()).isEqualTo(20);
        assertThat(viewing.getMinimumNumberOfCalls()).isEqualTo(10);
        assertThat(viewing.getFailureRateThreshold()).isEqualTo(50f);
        assertThat(timeLimiters
                        .find("viewing")
                        .orElseThrow()
                        .getTimeLimiterConfig()
                        .getTimeoutDuration())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(timeLimiters
                        .find("home")
                        .orElseThrow()
                        .getTimeLimiterConfig()
                        .getTimeoutDuration())
                .isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void bestEffortEventsAreAcceptedAndDroppedWhenPersonalizationIsDown() {
        client().post()
                .uri("/api/v1/events")
                .header(HttpHeaders.AUTHORIZATION, bearer(member()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[{\"type\":\"impression\"}]")
                .exchange()
                .expectStatus()
                .isAccepted();
    }

    @Test
    void aPlaybackStartMeetingADeadInstanceIsRetriedOnTheLiveOneWithItsBodyIntact() {
        String token = bearer(member());
        for (int i = 0; i < 8; i++) { // round robin alternates: about half of these meet the dead instance first
            String session = "{\"titleId\":\"" + UUID.randomUUID() + "\",\"attempt\":" + i + ",\"pad\":\""
                    + "x".repeat(2000 + i) + "\"}";
            JsonNode echo = body(client().post()
                    .uri("/api/v1/playback/sessions")
                    .header(HttpHeaders.AUTHORIZATION, token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(session)
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .returnResult());
            assertThat(echo.path("service").asString()).isEqualTo("playback");
            assertThat(echo.path("body").asString()).isEqualTo(session);
            assertThat(echo.path("headers").path("reel-criticality").asString()).isEqualTo("critical");
        }
    }

    @Test
    void aPlayWithAnIdempotencyKeyIsSentAgainAfterAnInstanceDiedMidRequestButAWriteWithoutOneIsNot() throws Exception {
        String token = bearer(member());
        try (DroppingInstance dropping = new DroppingInstance(DROPPING_PORT)) {
            for (int i = 0; i < 6; i++) {
                String session = "{\"titleId\":\"" + UUID.randomUUID() + "\",\"keyed\":" + i + "}";
                JsonNode echo = body(client().post()
                        .uri("/api/v1/playback/sessions")
                        .header(HttpHeaders.AUTHORIZATION, token)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(session)
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody()
                        .returnResult());
                assertThat(echo.path("body").asString()).isEqualTo(session);
            }
            int droppedKeyed = dropping.dropped();
            assertThat(droppedKeyed)
                    .as("round robin sent first tries to the instance that dies mid-request")
                    .isPositive();

            int unavailable = 0;
            for (int i = 0; i < 6; i++) {
                HttpStatus status = HttpStatus.valueOf(client().post()
                        .uri("/api/v1/playback/sessions")
                        .header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"unkeyed\":" + i + "}")
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value());
                assertThat(status).isIn(HttpStatus.CREATED, HttpStatus.SERVICE_UNAVAILABLE);
                unavailable += status == HttpStatus.SERVICE_UNAVAILABLE ? 1 : 0;
            }
            assertThat(unavailable)
                    .as("a write without a key that reached an instance is never sent again: it fails")
                    .isPositive()
                    .isEqualTo(dropping.dropped() - droppedKeyed);
        }
    }

    // --- chaos ----------------------------------------------------------------------------------------------------

    @Test
    void theChaosApiIsForAdminsOnly() {
        client().get().uri("/api/v1/chaos").exchange().expectStatus().isUnauthorized();
        client().get()
                .uri("/api/v1/chaos")
                .header(HttpHeaders.AUTHORIZATION, bearer(member()))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().post()
                .uri("/api/v1/chaos/faults")
                .header(HttpHeaders.AUTHORIZATION, bearer(member()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"target\":\"catalog\",\"fault\":\"errors\"}")
                .exchange()
                .expectStatus()
                .isForbidden();
        JsonNode overview = body(client().get()
                .uri("/api/v1/chaos")
                .header(HttpHeaders.AUTHORIZATION, bearer(admin()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult());
        assertThat(overview.path("enabled").asBoolean()).isTrue();
        assertThat(overview.path("faults").isArray()).isTrue();
    }

    @Test
    void badChaosInputIsA400Problem() {
        for (String bad : List.of(
                "{\"target\":\"catalog\",\"fault\":\"melt\"}",
                "{\"target\":\"catalog\",\"fault\":\"latency\"}",
                "{\"target\":\"catalog\",\"fault\":\"errors\",\"latencyMs\":20}",
                "{\"target\":\"catalog\",\"fault\":\"errors\",\"percent\":0}",
                "{\"target\":\"catalog\",\"fault\":\"errors\",\"durationSeconds\":3601}",
                "{\"target\":\"not a service!\",\"fault\":\"errors\"}",
                "{\"fault\":\"errors\"}",
                "{\"target\":\"catalog\",\"fault\":\"kill\"}",
                "{\"target\":\"catalog\",\"fault\":\"errors\",\"percent\":\"many\"}",
                "{not json")) {
            assertBadRequest("/api/v1/chaos/faults", bad);
        }
        for (String bad : List.of(
                "{\"target\":\"playback\",\"fault\":\"errors\",\"trafficPercent\":51}",
                "{\"target\":\"playback\",\"fault\":\"errors\",\"trafficPercent\":0}",
                "{\"target\":\"playback\",\"fault\":\"errors\",\"marginPercent\":0}",
                "{\"target\":\"playback\",\"fault\":\"errors\",\"minStarts\":0}")) {
            assertBadRequest("/api/v1/chaos/experiments", bad);
        }
        client().delete()
                .uri("/api/v1/chaos/faults/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, bearer(admin()))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aFaultIsStampedSignedOnEveryForwardedRequestUntilCleared() {
        String admin = bearer(admin());
        JsonNode created = body(client().post()
                .uri("/api/v1/chaos/faults")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"target\":\"personalization\",\"fault\":\"latency\",\"latencyMs\":2000,\"percent\":50,"
                        + "\"durationSeconds\":120}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult());
        assertThat(created.path("fault").asString()).isEqualTo("latency");
        assertThat(created.path("latencyMs").asInt()).isEqualTo(2000);
        Instant endsAt = Instant.parse(created.path("endsAt").asString());
        assertThat(Duration.between(Instant.parse(created.path("startedAt").asString()), endsAt))
                .isEqualTo(Duration.ofSeconds(120));

        JsonNode echo = body(client().get()
                .uri("/api/v1/genres")
                .header(ChaosSigner.HEADER, "forged.value")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult());
        List<ChaosFault> faults = faults(echo);
        assertThat(faults).hasSize(1);
        ChaosFault fault = faults.getFirst();
        assertThat(fault.id()).isEqualTo(created.path("id").asString());
        assertThat(fault.target()).isEqualTo("personalization");
        assertThat(fault.kind()).isEqualTo(ChaosFault.Kind.LATENCY);
        assertThat(fault.latencyMillis()).isEqualTo(2000);
        assertThat(fault.percent()).isEqualTo(50);
        assertThat(fault.until()).isEqualTo(endsAt);
        assertThat(echo.path("headers").path("reel-chaos").asString()).doesNotContain("forged");

        JsonNode cleared = body(client().delete()
                .uri("/api/v1/chaos/faults?target=personalization")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult());
        assertThat(cleared.path("cleared").asInt()).isEqualTo(1);
        assertThat(body(client().get()
                                .uri("/api/v1/genres")
                                .exchange()
                                .expectBody()
                                .returnResult())
                        .path("headers")
                        .has("reel-chaos"))
                .isFalse();
    }

    @Test
    void experimentCohortsAreStickyPerAccountAndOnlyTheExperimentCohortCarriesTheFault() {
        String admin = bearer(admin());
        JsonNode experiment = startExperiment(
                "{\"target\":\"personalization\",\"fault\":\"latency\",\"latencyMs\":100,\"trafficPercent\":50,"
                        + "\"minStarts\":1000}");
        String id = experiment.path("id").asString();
        assertThat(experiment.path("state").asString()).isEqualTo("RUNNING");
        client().post()
                .uri("/api/v1/chaos/experiments")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"target\":\"catalog\",\"fault\":\"errors\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        Map<String, Integer> cohorts = new HashMap<>();
        for (int a = 0; a < 16; a++) {
            String token = bearer(member());
            String cohort = null;
            for (int r = 0; r < 3; r++) {
                JsonNode headers = body(client().get()
                                .uri("/api/v1/genres")
                                .header(HttpHeaders.AUTHORIZATION, token)
                                .exchange()
                                .expectStatus()
                                .isOk()
                                .expectBody()
                                .returnResult())
                        .path("headers");
                String seen = headers.path("reel-cohort").asString();
                if (cohort == null) {
                    cohort = seen;
                }
                assertThat(seen).as("an account stays in its cohort").isEqualTo(cohort);
                List<ChaosFault> faults = faults(headers.path("reel-chaos").asString(""));
                if (seen.equals("experiment")) {
                    assertThat(faults).singleElement().satisfies(f -> {
                        assertThat(f.id()).isEqualTo(id);
                        assertThat(f.target()).isEqualTo("personalization");
                    });
                } else {
                    assertThat(seen).isEqualTo("control");
                    assertThat(faults).isEmpty();
                }
            }
            cohorts.merge(cohort, 1, Integer::sum);
        }
        // Two cohorts of 50 % each: every account is in one of them, and 16 accounts land in both.
        assertThat(cohorts.keySet()).containsExactlyInAnyOrder("control", "experiment");
        JsonNode stopped = body(client().delete()
                .uri("/api/v1/chaos/experiments/" + id)
                .header(HttpHeaders.AUTHORIZATION, admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult());
        assertThat(stopped.path("state").asString()).isEqualTo("STOPPED_BY_USER");
        assertThat(stopped.path("control").path("accounts").asInt()).isEqualTo(cohorts.get("control"));
        assertThat(stopped.path("experiment").path("accounts").asInt()).isEqualTo(cohorts.get("experiment"));
        assertThat(stopped.path("control").path("requests").asInt()).isEqualTo(3 * cohorts.get("control"));
        // Anonymous requests are in no cohort.
        assertThat(body(client().get()
                                .uri("/api/v1/genres")
                                .exchange()
                                .expectBody()
                                .returnResult())
                        .path("headers")
                        .has("reel-cohort"))
                .isFalse();
    }

    @Test
    void anExperimentWhoseCohortFailsItsStartsStopsItselfAsHarmful() throws InterruptedException {
        JsonNode experiment = startExperiment("{\"target\":\"playback\",\"fault\":\"errors\",\"trafficPercent\":50,"
                + "\"durationSeconds\":120,\"marginPercent\":10,\"minStarts\":5}");
        String id = experiment.path("id").asString();
        int failed = 0;
        for (int a = 0; a < 24; a++) {
            String token = bearer(member());
            for (int s = 0; s < 2; s++) {
                int status = client().post()
                        .uri("/api/v1/playback/sessions")
                        .header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"titleId\":\"" + UUID.randomUUID() + "\"}")
                        .exchange()
                        .returnResult(byte[].class)
                        .getStatus()
                        .value();
                failed += status == 500 ? 1 : 0;
            }
        }
        assertThat(failed).isPositive();

        JsonNode ended = null;
        for (int i = 0; i < 50; i++) {
            JsonNode now = body(client().get()
                    .uri("/api/v1/chaos/experiments/" + id)
                    .header(HttpHeaders.AUTHORIZATION, bearer(admin()))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult());
            if (!now.path("state").asString().equals("RUNNING")) {
                ended = now;
                break;
            }
            Thread.sleep(100);
        }
        assertThat(ended).as("the experiment stopped within 5 s").isNotNull();
        assertThat(ended.path("state").asString()).isEqualTo("STOPPED_HARMFUL");
        // Whichever test tripped first (starts per account, or the failure rate), the reason quotes both cohorts.
        assertThat(ended.path("reason").asString())
                .containsAnyOf("streams per account", "start failure rate")
                .contains("experiment cohort", "control");
        assertThat(ended.path("endedAt").isString()).isTrue();
        JsonNode control = ended.path("control");
        JsonNode exp = ended.path("experiment");
        assertThat(control.path("starts").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(control.path("failedStarts").asInt()).isZero();
        assertThat(exp.path("starts").asInt()).isZero();
        assertThat(exp.path("failedStarts").asInt()).isEqualTo(failed);
        assertThat(exp.path("errors").asInt()).isEqualTo(failed);
        assertThat(exp.path("errorRate").asDouble()).isEqualTo(1.0);
        assertThat(control.path("sps").asDouble()).isPositive();
        // Stopped: new starts carry no fault.
        JsonNode echo = body(client().post()
                .uri("/api/v1/playback/sessions")
                .header(HttpHeaders.AUTHORIZATION, bearer(member()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult());
        assertThat(echo.path("headers").has("reel-chaos")).isFalse();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private JsonNode startExperiment(String request) {
        return body(client().post()
                .uri("/api/v1/chaos/experiments")
                .header(HttpHeaders.AUTHORIZATION, bearer(admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult());
    }

    private void assertBadRequest(String path, String requestBody) {
        JsonNode problem = body(client().post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(requestBody)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .returnResult());
        assertThat(problem.path("status").asInt()).as(requestBody).isEqualTo(400);
    }

    private static List<ChaosFault> faults(JsonNode echo) {
        return faults(echo.path("headers").path("reel-chaos").asString(""));
    }

    private static List<ChaosFault> faults(String header) {
        return Arrays.stream(header.split(","))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .map(v -> SIGNER.verify(v, Instant.now()))
                .flatMap(Optional::stream)
                .toList();
    }

    private static void awaitHeld(EchoStandIn standIn, int count) throws InterruptedException {
        for (int i = 0; i < 100 && standIn.held() != count; i++) {
            Thread.sleep(50);
        }
        assertThat(standIn.held()).isEqualTo(count);
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
    }

    private JsonNode body(EntityExchangeResult<byte[]> result) {
        return json.readTree(result.getResponseBodyContent());
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String member() {
        return TestTokens.token(KEY, List.of("member"));
    }

    private static String admin() {
        return TestTokens.token(KEY, List.of("member", "admin"));
    }

    private static Path chaosKey() {
        try {
            Path file = Files.createTempDirectory("reel-chaos").resolve("secrets/chaos.key");
            ChaosSigner.createKeyFile(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChaosSigner signer() {
        try {
            return ChaosSigner.fromKeyFile(CHAOS_KEY).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A playback instance that dies mid-request: it reads each request, then resets the connection unanswered. */
    private static final class DroppingInstance implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger dropped = new AtomicInteger();

        DroppingInstance(int port) throws IOException {
            socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::dropAll);
        }

        int dropped() {
            return dropped.get();
        }

        private void dropAll() {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    connection.getInputStream().read(new byte[64 * 1024]);
                    connection.setSoLinger(true, 0);
                    dropped.incrementAndGet();
                } catch (IOException e) {
                    // closed, or the gateway gave up first
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
