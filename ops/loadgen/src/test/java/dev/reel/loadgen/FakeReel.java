package dev.reel.loadgen;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway and the edges of a Reel, played by one small HTTP server for {@link LoadGeneratorIT}: just enough of
 * the API for a viewer to sign up, log in, browse and play, plus the misbehaviour the test needs (shedding with 503,
 * a failing edge, a revoked token, a lost stop event). It counts what it saw so the test can compare the load
 * generator's report with the truth.
 */
final class FakeReel implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> TITLES = List.of(
            "00000000-0000-0000-0000-0000000000a0",
            "00000000-0000-0000-0000-0000000000a1",
            "00000000-0000-0000-0000-0000000000a2",
            "00000000-0000-0000-0000-0000000000a3");
    static final String UNPLAYABLE = "00000000-0000-0000-0000-0000000000ff";

    private static final Pattern SESSION_ACTION =
            Pattern.compile("/api/v1/playback/sessions/([0-9a-f-]{36})/(heartbeat|stop)");
    private static final Pattern EDGE = Pattern.compile("/(edge-a|origin)/s/([0-9a-f-]{36})/v/([0-9a-f-]{36})/v1/(.+)");
    private static final byte[] SEGMENT = new byte[64 * 1024];

    /** What the fake does wrong on purpose. */
    record Faults(
            @Nullable String alwaysShedTitle,
            boolean shedFirstAttemptOfEveryOtherStart,
            boolean shedEverySession,
            int failEveryNthHome,
            @Nullable String edgeFailsForTitle,
            @Nullable String loseStopsOfEmailContaining,
            @Nullable String revokeTokenAfterFirstStopOfEmailContaining,
            long bookmarkLagMillis) {}

    private record Account(String email, String password, String profile) {}

    private record Session(String id, String account, String profile, String title) {}

    private record Bookmark(long position, long visibleAtMillis) {}

    private final HttpServer server;
    private final Faults faults;
    private final Map<String, Account> accountsByEmail = new ConcurrentHashMap<>();
    private final Map<String, String> accountOfToken = new ConcurrentHashMap<>();
    private final Set<String> revokedTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> loginsByEmail = new ConcurrentHashMap<>();
    private final Map<String, String> signUpAddressByEmail = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attemptsByKey = new ConcurrentHashMap<>();
    private final Map<String, String> titleByKey = new ConcurrentHashMap<>();
    private final Set<String> sessionsWithSegment = ConcurrentHashMap.newKeySet();
    private final Map<String, Bookmark> bookmarks = new ConcurrentHashMap<>();
    private final Map<String, Long> lastStopByProfile = new ConcurrentHashMap<>();
    private final Set<String> stoppedOnce = ConcurrentHashMap.newKeySet();
    private final Map<Integer, AtomicInteger> statusesSent = new ConcurrentHashMap<>();
    private final AtomicInteger newKeys = new AtomicInteger();
    private final AtomicInteger homes = new AtomicInteger();
    private final AtomicInteger homeFailures = new AtomicInteger();
    private final AtomicInteger edgeFailures = new AtomicInteger();
    private final AtomicInteger unauthorized = new AtomicInteger();

    FakeReel(Faults faults) throws IOException {
        this.faults = faults;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    URI gateway() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // What the fake saw.

    int sessionPosts() {
        return attemptsByKey.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int startsOf(String title) {
        return (int) titleByKey.values().stream().filter(title::equals).count();
    }

    int startsTried() {
        return attemptsByKey.size();
    }

    /** Starts (by idempotency key) that were tried fewer than {@code attempts} times. */
    int startsTriedFewerThan(int attempts) {
        return (int)
                attemptsByKey.values().stream().filter(n -> n.get() < attempts).count();
    }

    int sessionsCreated() {
        return sessions.size();
    }

    int sessionsWithSegment() {
        return sessionsWithSegment.size();
    }

    int sent(int status) {
        AtomicInteger n = statusesSent.get(status);
        return n == null ? 0 : n.get();
    }

    int homeFailures() {
        return homeFailures.get();
    }

    int edgeFailures() {
        return edgeFailures.get();
    }

    int unauthorized() {
        return unauthorized.get();
    }

    int logins(String emailContaining) {
        return loginsByEmail.entrySet().stream()
                .filter(e -> e.getKey().contains(emailContaining))
                .mapToInt(e -> e.getValue().get())
                .sum();
    }

    Map<String, String> signUpAddresses() {
        return Map.copyOf(signUpAddressByEmail);
    }

    /** Profiles that had a stop accepted, and of those the ones whose stop was dropped on purpose. */
    Set<String> stoppedProfiles() {
        return Set.copyOf(lastStopByProfile.keySet());
    }

    @Nullable
    String profileOf(String emailContaining) {
        return accountsByEmail.values().stream()
                .filter(a -> a.email().contains(emailContaining))
                .map(Account::profile)
                .findFirst()
                .orElse(null);
    }

    // The API.

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/edge-a/") || path.startsWith("/origin/")) {
                edge(exchange, path);
                return;
            }
            if (method.equals("POST") && path.equals("/api/v1/accounts")) {
                signUp(exchange, JSON.readTree(body));
                return;
            }
            if (method.equals("POST") && path.equals("/api/v1/auth/login")) {
                logIn(exchange, JSON.readTree(body));
                return;
            }
            if (method.equals("GET") && path.equals("/api/v1/titles")) {
                titles(exchange, query == null ? "" : query);
                return;
            }
            Account account = authenticated(exchange);
            if (account == null) {
                unauthorized.incrementAndGet();
                problem(exchange, 401, "Unauthorized", null);
                return;
            }
            if (method.equals("GET") && path.equals("/api/v1/profiles")) {
                json(exchange, 200, Map.of("items", List.of(Map.of("id", account.profile(), "name", "Main"))));
            } else if (method.equals("GET") && path.equals("/api/v1/home")) {
                home(exchange, account);
            } else if (method.equals("POST") && path.equals("/api/v1/playback/sessions")) {
                startSession(exchange, account, JSON.readTree(body));
            } else if (method.equals("POST") && SESSION_ACTION.matcher(path).matches()) {
                Matcher action = SESSION_ACTION.matcher(path);
                action.matches();
                sessionAction(exchange, account, action.group(1), action.group(2), JSON.readTree(body));
            } else if (method.equals("GET") && path.startsWith("/api/v1/viewing/bookmarks/")) {
                bookmark(exchange, account, path.substring("/api/v1/viewing/bookmarks/".length()));
            } else {
                problem(exchange, 404, "Not Found", null);
            }
        }
    }

    private void signUp(HttpExchange exchange, JsonNode body) throws IOException {
        String email = body.path("email").asString();
        String password = body.path("password").asString();
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || password.length() < 10) {
            problem(exchange, 400, "Bad Request", null);
            return;
        }
        Account account = new Account(email, password, UUID.randomUUID().toString());
        if (accountsByEmail.putIfAbsent(email, account) != null) {
            problem(exchange, 409, "Conflict", null);
            return;
        }
        signUpAddressByEmail.put(email, exchange.getRemoteAddress().getAddress().getHostAddress());
        json(exchange, 201, Map.of("id", UUID.randomUUID().toString(), "email", email));
    }

    private void logIn(HttpExchange exchange, JsonNode body) throws IOException {
        Account account = accountsByEmail.get(body.path("email").asString());
        if (account == null || !account.password().equals(body.path("password").asString())) {
            problem(exchange, 401, "Unauthorized", null);
            return;
        }
        loginsByEmail.computeIfAbsent(account.email(), e -> new AtomicInteger()).incrementAndGet();
        String token = UUID.randomUUID().toString();
        accountOfToken.put(token, account.email());
        exchange.getResponseHeaders().add("Authorization", "Bearer " + token);
        json(exchange, 200, Map.of("accessToken", token, "tokenType", "Bearer"));
    }

    private void titles(HttpExchange exchange, String query) throws IOException {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String id : TITLES) {
            items.add(Map.of("id", id, "type", "MOVIE", "playable", true));
        }
        if (!query.contains("genre=demo")) {
            items.add(Map.of("id", UNPLAYABLE, "type", "MOVIE", "playable", false));
        }
        json(exchange, 200, Map.of("items", items, "page", 0, "size", 100, "totalItems", items.size()));
    }

    private @Nullable Account authenticated(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return null;
        }
        String token = header.substring("Bearer ".length());
        String email = accountOfToken.get(token);
        return email == null || revokedTokens.contains(token) ? null : accountsByEmail.get(email);
    }

    private void home(HttpExchange exchange, Account account) throws IOException {
        if (!account.profile().equals(exchange.getRequestHeaders().getFirst("X-Profile-Id"))) {
            problem(exchange, 400, "Bad Request", null);
            return;
        }
        int n = homes.incrementAndGet();
        if (faults.failEveryNthHome() > 0 && n % faults.failEveryNthHome() == 0) {
            homeFailures.incrementAndGet();
            problem(exchange, 500, "Internal Server Error", null);
            return;
        }
        json(exchange, 200, Map.of("profileId", account.profile(), "rows", List.of()));
    }

    private void startSession(HttpExchange exchange, Account account, JsonNode body) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String title = body.path("titleId").asString();
        if (key == null || !account.profile().equals(body.path("profileId").asString()) || !TITLES.contains(title)) {
            problem(exchange, 400, "Bad Request", null);
            return;
        }
        titleByKey.putIfAbsent(key, title);
        boolean newKey = !attemptsByKey.containsKey(key);
        int attempt =
                attemptsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        int keyNumber = newKey ? newKeys.incrementAndGet() : 0;
        if (faults.shedEverySession()
                || title.equals(faults.alwaysShedTitle())
                || (faults.shedFirstAttemptOfEveryOtherStart() && attempt == 1 && keyNumber % 2 == 0)) {
            exchange.getResponseHeaders().add("Retry-After", "0");
            exchange.getResponseHeaders().add("Reel-Shed", "critical");
            problem(exchange, 503, "Service overloaded", "playback is shedding critical requests under load");
            return;
        }
        String id = UUID.randomUUID().toString();
        sessions.put(id, new Session(id, account.email(), account.profile(), title));
        String port = Integer.toString(server.getAddress().getPort());
        String suffix = "/s/" + id + "/v/" + title + "/v1/";
        json(
                exchange,
                201,
                Map.of(
                        "sessionId",
                        id,
                        "titleId",
                        title,
                        "profileId",
                        account.profile(),
                        "state",
                        "LIVE",
                        "edges",
                        List.of(
                                Map.of("id", "isp-a", "baseUrl", "http://localhost:" + port + "/edge-a" + suffix),
                                Map.of("id", "origin", "baseUrl", "http://localhost:" + port + "/origin" + suffix))));
    }

    private void sessionAction(HttpExchange exchange, Account account, String id, String action, JsonNode body)
            throws IOException {
        Session session = sessions.get(id);
        if (session == null || !session.account().equals(account.email())) {
            problem(exchange, 404, "Not Found", null);
            return;
        }
        long position = body.path("positionMillis").asLong(-1);
        String bookmarkKey = session.profile() + "/" + session.title();
        if (action.equals("heartbeat")) {
            if (position >= 0) {
                bookmarks.put(bookmarkKey, new Bookmark(position, 0));
            }
            json(exchange, 200, Map.of("expiresAt", "2099-01-01T00:00:00Z"));
            return;
        }
        String lose = faults.loseStopsOfEmailContaining();
        if (position >= 0) {
            lastStopByProfile.put(session.profile(), position);
            if (lose == null || !account.email().contains(lose)) {
                bookmarks.put(
                        bookmarkKey, new Bookmark(position, System.currentTimeMillis() + faults.bookmarkLagMillis()));
            }
        }
        String revoke = faults.revokeTokenAfterFirstStopOfEmailContaining();
        if (revoke != null && account.email().contains(revoke) && stoppedOnce.add(account.email())) {
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            revokedTokens.add(header.substring("Bearer ".length()));
        }
        send(exchange, 204, null, new byte[0]);
    }

    private void bookmark(HttpExchange exchange, Account account, String title) throws IOException {
        if (!account.profile().equals(exchange.getRequestHeaders().getFirst("X-Profile-Id"))) {
            problem(exchange, 404, "Not Found", null);
            return;
        }
        Bookmark bookmark = bookmarks.get(account.profile() + "/" + title);
        if (bookmark == null || bookmark.visibleAtMillis() > System.currentTimeMillis()) {
            problem(exchange, 404, "Not Found", null);
            return;
        }
        json(exchange, 200, Map.of("titleId", title, "positionMillis", bookmark.position()));
    }

    // The edges.

    private void edge(HttpExchange exchange, String path) throws IOException {
        Matcher edge = EDGE.matcher(path);
        if (!edge.matches() || !sessions.containsKey(edge.group(2))) {
            send(exchange, 403, "text/plain", "forbidden".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String which = edge.group(1);
        String title = edge.group(3);
        String object = edge.group(4);
        if (which.equals("edge-a") && title.equals(faults.edgeFailsForTitle()) && object.endsWith(".m4s")) {
            edgeFailures.incrementAndGet();
            send(exchange, 502, "text/plain", "bad gateway".getBytes(StandardCharsets.UTF_8));
            return;
        }
        switch (object) {
            case "master.m3u8" ->
                send(exchange, 200, "application/vnd.apple.mpegurl", """
                        #EXTM3U
                        #EXT-X-INDEPENDENT-SEGMENTS
                        #EXT-X-STREAM-INF:BANDWIDTH=437798,RESOLUTION=640x360,CODECS="avc1.64001e"
                        video/v360p/index.m3u8
                        #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=40000,URI="video/v360p/iframes.m3u8"
                        """.getBytes(StandardCharsets.UTF_8));
            case "video/v360p/index.m3u8" ->
                send(exchange, 200, "application/vnd.apple.mpegurl", """
                        #EXTM3U
                        #EXT-X-TARGETDURATION:4
                        #EXT-X-MAP:URI="init.mp4"
                        #EXTINF:4.000,
                        seg-00001.m4s
                        #EXTINF:4.000,
                        seg-00002.m4s
                        #EXT-X-ENDLIST
                        """.getBytes(StandardCharsets.UTF_8));
            case "video/v360p/init.mp4" -> send(exchange, 200, "video/mp4", new byte[512]);
            case "video/v360p/seg-00001.m4s" -> {
                sessionsWithSegment.add(edge.group(2));
                send(exchange, 200, "video/iso.segment", SEGMENT);
            }
            default -> send(exchange, 404, "text/plain", new byte[0]);
        }
    }

    // Answers.

    private void problem(HttpExchange exchange, int status, String title, @Nullable String detail) throws IOException {
        var problem = new java.util.LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        problem.put("instance", exchange.getRequestURI().getPath());
        send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(problem));
    }

    private void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private void send(HttpExchange exchange, int status, @Nullable String type, byte[] body) throws IOException {
        statusesSent.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        if (type != null) {
            exchange.getResponseHeaders().add("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
