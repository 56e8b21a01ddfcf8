package dev.reel.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway with its real routes and policy (the repository's config/gateway.yml) in front of a
 * stub service. Discovery is the simple discovery client: identity is the stub; catalog has a dead
 * instance in the gateway's zone and the stub in the other zone, with zone preference on, as
 * after a crash in {@code reel up}. The JWT decoder is the production one, fetching the test's
 * signing key from the stub's JWKS through the load balancer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GatewayIT {

    private static final RSAKey SIGNING_KEY = TestTokens.rsaKey("test-key");
    private static final RSAKey FOREIGN_KEY = TestTokens.rsaKey("test-key");
    private static final StubService STUB = StubService.start(new JWKSet(SIGNING_KEY.toPublicJWK()).toString());
    private static final int DEAD_PORT = unusedPort();
    private static final String ALLOWED_ORIGIN = "https://app.reel.test";
    private static final int ACCOUNT_BUDGET = 5;
    private static final String IPHONE =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    private WebTestClient client;

    @DynamicPropertySource
    static void discovery(DynamicPropertyRegistry registry) {
        String simple = "spring.cloud.discovery.client.simple.instances.";
        String dead = "http://127.0.0.1:" + DEAD_PORT;
        registry.add(simple + "identity[0].uri", STUB::uri);
        registry.add(simple + "catalog[0].uri", () -> dead);
        registry.add(simple + "catalog[0].metadata.zone", () -> "zone-a");
        registry.add(simple + "catalog[1].uri", STUB::uri);
        registry.add(simple + "catalog[1].metadata.zone", () -> "zone-b");
        registry.add(simple + "down[0].uri", () -> dead);
        registry.add(simple + "personalization[0].uri", () -> dead);
        registry.add(simple + "slow[0].uri", STUB::uri);
        // The harder case: config/gateway.yml balances across zones, but with zone preference the
        // dead instance is the only one in the gateway's zone.
        registry.add("reel.gateway.upstream.zone-preference", () -> "true");
        registry.add("spring.cloud.loadbalancer.zone", () -> "zone-a");
        // Imported files win over the file importing them, so overrides go here, not in the yml.
        registry.add("reel.gateway.cors.allowed-origins[0]", () -> ALLOWED_ORIGIN);
        // Every token in these tests has its own subject; a small account budget keeps the test short.
        registry.add("reel.gateway.rate-limits.per-account.capacity", () -> ACCOUNT_BUDGET);
        registry.add("reel.gateway.rate-limits.per-account.refill-tokens", () -> 1);
        registry.add("reel.gateway.rate-limits.per-account.refill-period", () -> "1m");
        registry.add(
                "reel.gateway.web-root",
                () -> Path.of("../../web").toAbsolutePath().normalize() + "/");
    }

    /** Extra routes for failure modes, beside the real ones from config/gateway.yml. */
    @TestConfiguration
    static class FailureRoutes {

        @Bean
        RouteLocator failureRoutes(RouteLocatorBuilder routes) {
            return routes.routes()
                    .route("down", r -> r.path("/api/v1/down/**").uri("lb://down"))
                    .route("ghost", r -> r.path("/api/v1/ghost/**").uri("lb://ghost"))
                    .route("slow", r -> r.path("/api/v1/slow/**")
                            .metadata(RESPONSE_TIMEOUT_ATTR, 500)
                            .uri("lb://slow"))
                    .build();
        }
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Test
    void homeWithPersonalizationDownIsADegradedPageFromCatalogNeverAnError() {
        String token = token(SIGNING_KEY, "reel-identity", Instant.now().plusSeconds(600));
        String profile = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) { // the second one finds the circuit breaker's state settled
            JsonNode home = body(client.get()
                    .uri("/api/v1/home")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .header("X-Profile-Id", profile)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult());
            assertThat(home.path("fallback").asString()).isEqualTo("gateway");
            assertThat(home.path("rows").findValuesAsString("id"))
                    .containsExactly("new-releases", "genre:drama", "genre:comedy");
            JsonNode newReleases = home.path("rows").path(0);
            assertThat(newReleases.path("degraded").asBoolean()).isTrue();
            assertThat(newReleases.path("items").findValuesAsString("name")).containsExactly("Newer", "Older");
            assertThat(newReleases.path("items").path(0).path("artworkUrl").asString())
                    .isEqualTo("/art/newer.jpg");
            assertThat(home.path("degraded").valueStream().map(JsonNode::asString))
                    .contains("continue-watching", "top-picks", "new-releases");
            assertThat(StubService.lastTitlesProfile).isEqualTo(profile);
        }
    }

    @Test
    void homeFallbackStillNeedsAToken() {
        client.get().uri("/api/v1/home").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/fallback/home").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void protectedRouteWithoutTokenIsAProblem401WithBearerChallenge() {
        EntityExchangeResult<byte[]> result = client.get()
                .uri("/api/v1/profiles")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
                .expectBody()
                .returnResult();
        JsonNode problem = body(result);
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("correlationId").asString())
                .isEqualTo(result.getResponseHeaders().getFirst("X-Correlation-Id"));
    }

    @Test
    void rejectsTokensSignedByAnotherKeyOrIssuerOrExpired() {
        for (String bad : List.of(
                token(FOREIGN_KEY, "reel-identity", Instant.now().plusSeconds(600)),
                token(SIGNING_KEY, "someone-else", Instant.now().plusSeconds(600)),
                token(SIGNING_KEY, "reel-identity", Instant.now().minusSeconds(600)))) {
            client.get()
                    .uri("/api/v1/profiles")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + bad)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer .*error=\"invalid_token\".*");
        }
    }

    @Test
    void validTokenPassesUnchangedWithDeviceClassClientAddressAndCorrelationId() {
        String token = token(SIGNING_KEY, "reel-identity", Instant.now().plusSeconds(600));
        EntityExchangeResult<byte[]> result = client.get()
                .uri("/api/v1/profiles")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.USER_AGENT, IPHONE)
                .header("X-Device-Class", "tv")
                .header("X-Client-Address", "203.0.113.9")
                .header("X-Correlation-Id", "client-chosen-42")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Correlation-Id", "client-chosen-42")
                .expectBody()
                .returnResult();
        JsonNode downstream = body(result);
        assertThat(downstream.path("path").asString()).isEqualTo("/api/v1/profiles");
        JsonNode headers = downstream.path("headers");
        assertThat(headers.path("authorization").asString()).isEqualTo("Bearer " + token);
        assertThat(headers.path("x-device-class").asString()).isEqualTo("phone");
        assertThat(headers.path("x-client-address").asString()).isEqualTo("127.0.0.1");
        assertThat(headers.path("x-correlation-id").asString()).isEqualTo("client-chosen-42");
    }

    @Test
    void malformedCorrelationIdIsReplacedAndTheReplacementTravels() {
        EntityExchangeResult<byte[]> result = client.get()
                .uri("/api/v1/genres")
                .header("X-Correlation-Id", "not well formed!")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
        String echoed = result.getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(UUID.fromString(echoed).toString()).isEqualTo(echoed);
        assertThat(body(result).path("headers").path("x-correlation-id").asString())
                .isEqualTo(echoed);
        assertThat(body(result).path("headers").path("x-device-class").asString())
                .isEqualTo("desktop");
    }

    @Test
    void publicReadsPassWithoutTokenAndSurviveADeadInstanceInTheGatewaysZone() {
        // catalog's only zone-a instance is dead: reads succeed only if the failed attempt is
        // retried and the dead instance is skipped in favour of zone-b.
        for (int i = 0; i < 20; i++) {
            EntityExchangeResult<byte[]> result = client.get()
                    .uri("/api/v1/titles?page=" + i)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult();
            assertThat(body(result).path("path").asString()).isEqualTo("/api/v1/titles");
            assertThat(body(result).path("headers").has("authorization")).isFalse();
        }
    }

    @Test
    void serviceErrorsPassThroughUnchangedAndAreNotRetried() {
        for (int status : new int[] {500, 503}) {
            String path = StubService.STATUS_PREFIX + status;
            client.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(status)
                    .expectBody(String.class)
                    .isEqualTo("{\"status\":" + status + "}");
            assertThat(STUB.hits(path)).as("calls to %s", path).isEqualTo(1);
        }
    }

    @Test
    void loginIsLimitedPerAddressWith429AndRetryAfter() {
        for (int i = 0; i < 5; i++) {
            client.post()
                    .uri("/api/v1/auth/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"email\":\"a@reel.test\",\"password\":\"wrong\"}")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        EntityExchangeResult<byte[]> limited = client.post()
                .uri("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"a@reel.test\",\"password\":\"wrong\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .returnResult();
        long retryAfter = Long.parseLong(limited.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 6L);
        assertThat(body(limited).path("status").asInt()).isEqualTo(429);
        assertThat(body(limited).path("correlationId").isString()).isTrue();
    }

    @Test
    void authenticatedRequestsAreLimitedPerAccount() {
        String token = "Bearer " + validToken();
        for (int i = 0; i < ACCOUNT_BUDGET; i++) {
            client.get()
                    .uri("/api/v1/profiles")
                    .header(HttpHeaders.AUTHORIZATION, token)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        EntityExchangeResult<byte[]> limited = client.get()
                .uri("/api/v1/profiles")
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .returnResult();
        assertThat(body(limited).path("detail").asString()).contains("account");
        // Another account from the same address is unaffected.
        client.get()
                .uri("/api/v1/profiles")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + validToken())
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void unknownRoutesAreProblem404s() {
        assertProblem(client.get().uri("/no/such/page").exchange(), HttpStatus.NOT_FOUND);
        assertProblem(
                client.get()
                        .uri("/api/v1/nothing-here")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + validToken())
                        .exchange(),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void unavailableServicesAreProblems() {
        String token = "Bearer " + validToken();
        // Connection refused.
        assertProblem(
                client.get()
                        .uri("/api/v1/down/x")
                        .header(HttpHeaders.AUTHORIZATION, token)
                        .exchange(),
                HttpStatus.SERVICE_UNAVAILABLE);
        // No instance in discovery.
        assertProblem(
                client.get()
                        .uri("/api/v1/ghost/x")
                        .header(HttpHeaders.AUTHORIZATION, token)
                        .exchange(),
                HttpStatus.SERVICE_UNAVAILABLE);
        // No response within the route's response timeout.
        assertProblem(
                client.get()
                        .uri("/api/v1/slow/x")
                        .header(HttpHeaders.AUTHORIZATION, token)
                        .exchange(),
                HttpStatus.GATEWAY_TIMEOUT);
    }

    @Test
    void servesTheStaticWebAppUnderAStrictContentSecurityPolicy() {
        client.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval"))
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("id=\"outlet\"", "type=\"module\""));
        client.get()
                .uri("/css/reel.css")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/css");
        // Browsers refuse a module script served with a non-JavaScript type.
        client.get()
                .uri("/vendor/hls.min.mjs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/javascript");
        client.get().uri("/api/v1/genres").exchange().expectHeader().doesNotExist("Content-Security-Policy");
    }

    @Test
    void answersCorsPreflightsWithoutTokenAndRefusesOtherOrigins() {
        client.options()
                .uri("/api/v1/profiles")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,x-profile-id,idempotency-key")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader()
                .value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods)
                        .contains("PATCH"))
                .expectHeader()
                .value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers -> assertThat(headers.toLowerCase())
                        .contains("authorization", "x-profile-id", "idempotency-key"));

        client.get()
                .uri("/api/v1/genres")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader()
                .value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                        .contains("Authorization", "X-Correlation-Id", "Retry-After"));

        client.options()
                .uri("/api/v1/profiles")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void healthIsPublicButMetricsAreNot() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void pathTraversalIsRejectedAsAProblem() {
        assertProblem(client.get().uri("/api/v1/genres/%2e%2e/profiles").exchange(), HttpStatus.BAD_REQUEST);
    }

    @Test
    void methodNotAllowedOnStaticFilesIsAProblem() {
        assertProblem(client.method(HttpMethod.DELETE).uri("/css/reel.css").exchange(), HttpStatus.METHOD_NOT_ALLOWED);
    }

    private void assertProblem(WebTestClient.ResponseSpec response, HttpStatus status) {
        EntityExchangeResult<byte[]> result = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .returnResult();
        JsonNode problem = body(result);
        assertThat(problem.path("status").asInt()).isEqualTo(status.value());
        assertThat(problem.path("title").asString()).isEqualTo(status.getReasonPhrase());
        assertThat(problem.path("correlationId").asString()).isNotBlank();
        assertThat(new String(result.getResponseBodyContent())).doesNotContain("Exception", "at org.");
    }

    private JsonNode body(EntityExchangeResult<byte[]> result) {
        return json.readTree(result.getResponseBodyContent());
    }

    private static String validToken() {
        return token(SIGNING_KEY, "reel-identity", Instant.now().plusSeconds(600));
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String token(RSAKey key, String issuer, Instant expiresAt) {
        return TestTokens.sign(
                key,
                TestTokens.claims(issuer, List.of("member"), expiresAt)
                        .claim("email", "viewer@reel.test")
                        .build());
    }
}
