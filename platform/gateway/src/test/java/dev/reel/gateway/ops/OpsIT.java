package dev.reel.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.reel.gateway.TestTokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/ops/overview} in the gateway with its real policy (config/gateway.yml): admins get the overview,
 * members a 403 problem, anonymous callers a 401. Identity (its JWKS), catalog and steering are stand-ins found
 * through the simple discovery client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpsIT {

    private static final RSAKey KEY = TestTokens.rsaKey("ops-test");
    private static final InstanceStandIn IDENTITY =
            new InstanceStandIn().json("/.well-known/jwks.json", new JWKSet(KEY.toPublicJWK()).toString());
    private static final InstanceStandIn CATALOG = new InstanceStandIn()
            .prometheus(new MicrometerPage(true)
                    .requests("GET", "/api/v1/titles", 200, 10, Duration.ofMillis(10))
                    .scrape());
    private static final InstanceStandIn STEERING =
            new InstanceStandIn().json("/api/v1/cdn/appliances", "{\"items\":[],\"page\":0,\"size\":100}");
    private static final String OVERVIEW = "/api/v1/ops/overview";

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void discovery(DynamicPropertyRegistry registry) {
        String simple = "spring.cloud.discovery.client.simple.instances.";
        registry.add(simple + "identity[0].uri", () -> "http://127.0.0.1:" + IDENTITY.port());
        registry.add(simple + "catalog[0].uri", () -> "http://127.0.0.1:" + CATALOG.port());
        registry.add(simple + "catalog[0].metadata.zone", () -> "zone-b");
        registry.add(simple + "steering[0].uri", () -> "http://127.0.0.1:" + STEERING.port());
        registry.add("reel.gateway.ops.launcher-state", () -> "");
        // A JVM's first requests through Reactor Netty are slow on a busy machine.
        registry.add("reel.gateway.ops.probe-timeout", () -> "3s");
    }

    @AfterAll
    static void stopStandIns() {
        List.of(IDENTITY, CATALOG, STEERING).forEach(InstanceStandIn::close);
    }

    @Test
    void adminsGetTheOverview() {
        byte[] body = client().get()
                .uri(OVERVIEW)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(KEY, List.of("member", "admin")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader()
                .valueMatches(HttpHeaders.CACHE_CONTROL, ".*no-store.*")
                .expectBody()
                .returnResult()
                .getResponseBodyContent();

        JsonNode overview = json.readTree(body);
        assertThat(overview.path("status").asString()).isIn("healthy", "degraded", "down");
        assertThat(overview.path("services").findValuesAsString("name")).contains("catalog", "identity", "steering");
        JsonNode catalog = overview.path("services")
                .valueStream()
                .filter(s -> s.path("name").asString().equals("catalog"))
                .findFirst()
                .orElseThrow();
        assertThat(catalog.path("status").asString()).isEqualTo("healthy");
        assertThat(catalog.path("instances").path(0).path("zone").asString()).isEqualTo("zone-b");
        assertThat(catalog.path("requests").path("count").asLong()).isEqualTo(10);
        assertThat(overview.path("generatedAt").isString()).isTrue();
        assertThat(overview.path("edgesProblem").isNull()).isTrue();
    }

    @Test
    void membersAreRefusedWithAProblem() {
        JsonNode problem = json.readTree(client().get()
                .uri(OVERVIEW)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(KEY, List.of("member")))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .returnResult()
                .getResponseBodyContent());

        assertThat(problem.path("status").asInt()).isEqualTo(403);
        assertThat(problem.path("title").asString()).isEqualTo("Forbidden");
    }

    @Test
    void anonymousCallersMustAuthenticate() {
        client().get()
                .uri(OVERVIEW)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
    }
}
