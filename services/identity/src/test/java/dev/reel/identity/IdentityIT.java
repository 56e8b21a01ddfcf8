package dev.reel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.reel.testkit.TestInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The identity API over real HTTP against a real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdentityIT {

    private static final String ADMIN_EMAIL = "root@reel.test";
    private static final String ADMIN_PASSWORD = "bootstrap-admin-password";
    private static final String PASSWORD = "correct horse battery";
    private static final String PROBLEM_JSON = "application/problem+json";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.registerPostgres(registry, "identity");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<ApplicationRunner> runners;

    @Test
    void signUpLogInRefreshDetectReuseAndLogOut() throws Exception {
        String email = uniqueEmail();
        Response signUp = post("/api/v1/accounts", Map.of("email", email, "password", PASSWORD, "displayName", "Ada"));
        assertThat(signUp.status()).isEqualTo(201);
        JsonNode account = signUp.json();
        assertThat(fieldNames(account)).containsExactlyInAnyOrder("id", "email", "displayName", "roles", "createdAt");
        assertThat(account.get("email").asString()).isEqualTo(email);
        assertThat(account.get("displayName").asString()).isEqualTo("Ada");
        assertThat(strings(account.get("roles"))).containsExactly("member");
        String accountId = account.get("id").asString();

        Response login = post("/api/v1/auth/login", Map.of("email", email.toUpperCase(), "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        JsonNode tokens = login.json();
        String accessToken = tokens.get("accessToken").asString();
        assertThat(login.header("Authorization")).isEqualTo("Bearer " + accessToken);
        assertThat(login.header("Cache-Control")).contains("no-store");
        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(tokens.get("refreshExpiresIn").asLong())
                .isEqualTo(Duration.ofDays(30).toSeconds());
        assertThat(tokens.get("account").get("id").asString()).isEqualTo(accountId);

        JWTClaimsSet claims = verifyAgainstJwks(accessToken);
        assertThat(claims.getIssuer()).isEqualTo("reel-identity");
        assertThat(claims.getSubject()).isEqualTo(accountId);
        assertThat(claims.getStringListClaim("roles")).containsExactly("member");
        assertThat(claims.getStringClaim("email")).isEqualTo(email);
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));

        Response me = get("/api/v1/accounts/me", accessToken);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asString()).isEqualTo(accountId);
        assertProblem(get("/api/v1/accounts/me", null), 401);

        // The token works on identity's own protected routes: the default profile is named after the account.
        Response profiles = get("/api/v1/profiles", accessToken);
        assertThat(profiles.status()).isEqualTo(200);
        assertThat(profiles.json().get("items")).hasSize(1);
        assertThat(profiles.json().get("items").get(0).get("name").asString()).isEqualTo("Ada");

        // Rotation: each refresh token works once and yields a new one of the same family.
        String r1 = tokens.get("refreshToken").asString();
        Response refreshed = post("/api/v1/auth/refresh", Map.of("refreshToken", r1));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.header("Authorization"))
                .isEqualTo("Bearer " + refreshed.json().get("accessToken").asString());
        String r2 = refreshed.json().get("refreshToken").asString();
        assertThat(r2).isNotEqualTo(r1);
        verifyAgainstJwks(refreshed.json().get("accessToken").asString());

        Response again = post("/api/v1/auth/refresh", Map.of("refreshToken", r2));
        assertThat(again.status()).isEqualTo(200);
        String r3 = again.json().get("refreshToken").asString();

        // Reuse of r1 means theft: the whole family dies, including the current r3.
        assertProblem(post("/api/v1/auth/refresh", Map.of("refreshToken", r1)), 401);
        assertProblem(post("/api/v1/auth/refresh", Map.of("refreshToken", r3)), 401);
        assertProblem(post("/api/v1/auth/refresh", Map.of("refreshToken", "not-a-token")), 401);

        // Logout revokes the family of a fresh login; it needs an access token.
        JsonNode second = login(email, PASSWORD);
        String r4 = second.get("refreshToken").asString();
        assertProblem(post("/api/v1/auth/logout", Map.of("refreshToken", r4)), 401);
        Response logout = post(
                "/api/v1/auth/logout",
                Map.of("refreshToken", r4),
                second.get("accessToken").asString());
        assertThat(logout.status()).isEqualTo(204);
        assertProblem(post("/api/v1/auth/refresh", Map.of("refreshToken", r4)), 401);
    }

    @Test
    void duplicateEmailIsAConflictWhateverTheCase() throws Exception {
        String email = uniqueEmail();
        assertThat(post("/api/v1/accounts", Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(201);
        assertProblem(post("/api/v1/accounts", Map.of("email", email, "password", PASSWORD)), 409);
        assertProblem(post("/api/v1/accounts", Map.of("email", email.toUpperCase(), "password", PASSWORD)), 409);
    }

    @Test
    void signUpIsValidated() throws Exception {
        assertProblem(post("/api/v1/accounts", Map.of("email", uniqueEmail(), "password", "too-short")), 400);
        assertProblem(post("/api/v1/accounts", Map.of("email", uniqueEmail(), "password", "x".repeat(129))), 400);
        assertProblem(post("/api/v1/accounts", Map.of("email", "not-an-email", "password", PASSWORD)), 400);
        assertProblem(post("/api/v1/accounts", Map.of("password", PASSWORD)), 400);
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        assertProblem(send("POST", "/api/v1/accounts", "{\"email\": ", null), 400);
        assertProblem(send("POST", "/api/v1/auth/login", "[1, 2", null), 400);
    }

    @Test
    void wrongPasswordAndUnknownEmailAreTheSame401() throws Exception {
        String email = uniqueEmail();
        signUp(email);
        Response wrong = post("/api/v1/auth/login", Map.of("email", email, "password", "wrong password!"));
        Response unknown = post("/api/v1/auth/login", Map.of("email", uniqueEmail(), "password", PASSWORD));
        assertProblem(wrong, 401);
        assertProblem(unknown, 401);
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        assertThat(wrong.header("Authorization")).isNull();
    }

    @Test
    void fiveFailuresLockTheEmailEvenForTheRightPassword() throws Exception {
        String email = uniqueEmail();
        signUp(email);
        for (int i = 0; i < 5; i++) {
            assertProblem(post("/api/v1/auth/login", Map.of("email", email, "password", "wrong password!")), 401);
        }
        Response locked = post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertProblem(locked, 429);
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 60);

        // Unknown emails lock the same way, so a lockout reveals nothing.
        String nobody = uniqueEmail();
        for (int i = 0; i < 5; i++) {
            assertProblem(post("/api/v1/auth/login", Map.of("email", nobody, "password", PASSWORD)), 401);
        }
        assertProblem(post("/api/v1/auth/login", Map.of("email", nobody, "password", PASSWORD)), 429);
    }

    @Test
    void successfulLoginResetsTheFailureCount() throws Exception {
        String email = uniqueEmail();
        signUp(email);
        for (int i = 0; i < 4; i++) {
            assertProblem(post("/api/v1/auth/login", Map.of("email", email, "password", "wrong password!")), 401);
        }
        login(email, PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertProblem(post("/api/v1/auth/login", Map.of("email", email, "password", "wrong password!")), 401);
        }
        assertThat(post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void profilesAreLimitedValidatedAndPrivate() throws Exception {
        String token = signUpAndLogIn(uniqueEmail(), "Grace");

        Response kid = post("/api/v1/profiles", Map.of("name", "Kid", "kids", true), token);
        assertThat(kid.status()).isEqualTo(201);
        assertThat(kid.header("Location"))
                .isEqualTo("/api/v1/profiles/" + kid.json().get("id").asString());
        assertThat(kid.json().get("maturityCeiling").asString()).isEqualTo("7+");
        assertThat(kid.json().get("kids").asBoolean()).isTrue();
        assertThat(kid.json().get("language").asString()).isEqualTo("en");
        String kidId = kid.json().get("id").asString();

        assertProblem(
                post("/api/v1/profiles", Map.of("name", "Teen", "kids", true, "maturityCeiling", "13+"), token), 422);
        Response teen = post(
                "/api/v1/profiles",
                Map.of("name", "Teen", "maturityCeiling", "13+", "language", "pt-BR", "avatar", "robot-2"),
                token);
        assertThat(teen.status()).isEqualTo(201);
        assertThat(teen.json().get("maturityCeiling").asString()).isEqualTo("13+");
        assertThat(teen.json().get("language").asString()).isEqualTo("pt-BR");
        assertThat(teen.json().get("avatar").asString()).isEqualTo("robot-2");
        assertProblem(post("/api/v1/profiles", Map.of("name", "KID"), token), 409);

        assertThat(post("/api/v1/profiles", Map.of("name", "Four"), token).status())
                .isEqualTo(201);
        Response fifth = post("/api/v1/profiles", Map.of("name", "Five"), token);
        assertThat(fifth.status()).isEqualTo(201);
        assertProblem(post("/api/v1/profiles", Map.of("name", "Six"), token), 409);
        assertThat(get("/api/v1/profiles", token).json().get("items")).hasSize(5);

        // Validation
        assertProblem(post("/api/v1/profiles", Map.of("name", ""), token), 400);
        assertProblem(post("/api/v1/profiles", Map.of("name", "x".repeat(41)), token), 400);
        assertProblem(post("/api/v1/profiles", Map.of("name", "Lang", "language", "english!"), token), 400);
        assertProblem(post("/api/v1/profiles", Map.of("name", "Av", "avatar", "Not An Id"), token), 400);
        assertProblem(post("/api/v1/profiles", Map.of("name", "Rated", "maturityCeiling", "21+"), token), 400);
        assertProblem(patch("/api/v1/profiles/" + kidId, Map.of("name", "  "), token), 400);

        // Kids ceilings: may go lower, never above 7+; becoming kids lowers the ceiling.
        assertProblem(patch("/api/v1/profiles/" + kidId, Map.of("maturityCeiling", "16+"), token), 422);
        Response lowered = patch("/api/v1/profiles/" + kidId, Map.of("maturityCeiling", "ALL"), token);
        assertThat(lowered.status()).isEqualTo(200);
        assertThat(lowered.json().get("maturityCeiling").asString()).isEqualTo("ALL");
        String fifthId = fifth.json().get("id").asString();
        Response becameKids = patch("/api/v1/profiles/" + fifthId, Map.of("kids", true, "name", "Little"), token);
        assertThat(becameKids.json().get("maturityCeiling").asString()).isEqualTo("7+");
        assertThat(becameKids.json().get("name").asString()).isEqualTo("Little");
        assertThat(get("/api/v1/profiles/" + fifthId, token).json().get("name").asString())
                .isEqualTo("Little");
        assertProblem(patch("/api/v1/profiles/" + fifthId, Map.of("name", "teen"), token), 409);

        // Another account sees none of it: 404, never 403.
        String other = signUpAndLogIn(uniqueEmail(), "Other");
        assertProblem(get("/api/v1/profiles/" + kidId, other), 404);
        assertProblem(patch("/api/v1/profiles/" + kidId, Map.of("name", "Mine"), other), 404);
        assertProblem(delete("/api/v1/profiles/" + kidId, other), 404);
        assertProblem(get("/api/v1/profiles/" + UUID.randomUUID(), token), 404);
        JsonNode otherProfiles = get("/api/v1/profiles", other).json().get("items");
        assertThat(otherProfiles).hasSize(1);

        // Deleting: fine while others remain, refused for the last one.
        assertThat(delete("/api/v1/profiles/" + kidId, token).status()).isEqualTo(204);
        assertProblem(get("/api/v1/profiles/" + kidId, token), 404);
        assertProblem(
                delete("/api/v1/profiles/" + otherProfiles.get(0).get("id").asString(), other), 409);

        // No token, no profiles.
        assertProblem(get("/api/v1/profiles", null), 401);
        assertProblem(get("/api/v1/profiles", "not.a.jwt"), 401);
    }

    @Test
    void bootstrapAdminIsCreatedOnceWithTheAdminRole() throws Exception {
        JsonNode admin = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(strings(admin.get("account").get("roles"))).containsExactly("member", "admin");
        assertThat(verifyAgainstJwks(admin.get("accessToken").asString()).getStringListClaim("roles"))
                .containsExactly("member", "admin");

        // Running it again changes nothing, the password included.
        ApplicationRunner bootstrap = bootstrapAdmin();
        String hashBefore = adminPasswordHash();
        bootstrap.run(null);
        bootstrap.run(null);
        assertThat(adminPasswordHash()).isEqualTo(hashBefore);
        assertThat(adminCount()).isEqualTo(1);

        // Two instances starting together on an empty database create exactly one admin.
        jdbc.sql("delete from accounts where lower(email) = :email")
                .param("email", ADMIN_EMAIL)
                .update();
        int instances = 4;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(instances)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    bootstrap.run(null);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        }
        assertThat(adminCount()).isEqualTo(1);
        JsonNode recreated = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(strings(recreated.get("account").get("roles"))).containsExactly("member", "admin");
        assertThat(get("/api/v1/profiles", recreated.get("accessToken").asString())
                        .json()
                        .get("items"))
                .hasSize(1);
    }

    @Test
    void jwksIsPublicAndHoldsOnlyPublicKeys() throws Exception {
        Response jwks = get("/.well-known/jwks.json", null);
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.header("Cache-Control")).contains("max-age");
        JWKSet set = JWKSet.parse(jwks.body());
        assertThat(set.getKeys()).isNotEmpty();
        for (JWK key : set.getKeys()) {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            assertThat(((RSAKey) key).size()).isEqualTo(2048);
        }
        assertThat(jdbc.sql("select count(*) from signing_keys where active")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aTamperedTokenIsRejected() throws Exception {
        String token = signUpAndLogIn(uniqueEmail(), "Eve");
        String[] parts = token.split("\\.");
        String forgedClaims = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]))
                        .replace("\"member\"", "\"admin\"")
                        .getBytes());
        assertProblem(get("/api/v1/profiles", parts[0] + "." + forgedClaims + "." + parts[2]), 401);
    }

    @Test
    void loginLatencyIsTheSameForKnownAndUnknownEmails() throws Exception {
        String email = uniqueEmail();
        signUp(email);
        login(email, PASSWORD);
        int samples = 10;
        long[] known = new long[samples];
        long[] unknown = new long[samples];
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            assertThat(post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD))
                            .status())
                    .isEqualTo(200);
            known[i] = System.nanoTime() - t0;
            // a fresh unknown email each time, so the lockout never kicks in
            long t1 = System.nanoTime();
            assertThat(post("/api/v1/auth/login", Map.of("email", uniqueEmail(), "password", PASSWORD))
                            .status())
                    .isEqualTo(401);
            unknown[i] = System.nanoTime() - t1;
        }
        double knownMs = median(known) / 1e6;
        double unknownMs = median(unknown) / 1e6;
        System.out.printf(
                "login latency (median of %d): known email %.1f ms, unknown email %.1f ms%n",
                samples, knownMs, unknownMs);
        assertThat(unknownMs / knownMs).isBetween(0.4, 2.5);
    }

    // ----------------------------------------------------------------------------------------------------------

    private JWTClaimsSet verifyAgainstJwks(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWKSet jwks = JWKSet.parse(get("/.well-known/jwks.json", null).body());
        JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("JWKS key for kid %s", jwt.getHeader().getKeyID()).isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier((RSAKey) key))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    private ApplicationRunner bootstrapAdmin() {
        return runners.stream()
                .filter(runner -> runner.getClass().getSimpleName().startsWith("BootstrapAdmin"))
                .findFirst()
                .orElseThrow();
    }

    private String adminPasswordHash() {
        return jdbc.sql("select password_hash from accounts where lower(email) = :email")
                .param("email", ADMIN_EMAIL)
                .query(String.class)
                .single();
    }

    private int adminCount() {
        return jdbc.sql("select count(*) from accounts where lower(email) = :email and 'admin' = any(roles)")
                .param("email", ADMIN_EMAIL)
                .query(Integer.class)
                .single();
    }

    private void signUp(String email) throws Exception {
        assertThat(post("/api/v1/accounts", Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(201);
    }

    private String signUpAndLogIn(String email, String displayName) throws Exception {
        Response signUp =
                post("/api/v1/accounts", Map.of("email", email, "password", PASSWORD, "displayName", displayName));
        assertThat(signUp.status()).isEqualTo(201);
        return login(email, PASSWORD).get("accessToken").asString();
    }

    private JsonNode login(String email, String password) throws Exception {
        Response login = post("/api/v1/auth/login", Map.of("email", email, "password", password));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json();
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.has("title")).isTrue();
    }

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        return List.copyOf(object.propertyNames());
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private Response get(String path, @Nullable String token) throws Exception {
        return send("GET", path, null, token);
    }

    private Response post(String path, Object body) throws Exception {
        return post(path, body, null);
    }

    private Response post(String path, Object body, @Nullable String token) throws Exception {
        return send("POST", path, JSON.writeValueAsString(body), token);
    }

    private Response patch(String path, Object body, @Nullable String token) throws Exception {
        return send("PATCH", path, JSON.writeValueAsString(body), token);
    }

    private Response delete(String path, @Nullable String token) throws Exception {
        return send("DELETE", path, null, token);
    }

    private Response send(String method, String path, @Nullable String body, @Nullable String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().map(), response.body());
    }

    private record Response(int status, Map<String, List<String>> headers, String body) {

        @Nullable
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
