package dev.reel.launcher.studio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for the remote peer of the studio client: a small HTTP server that speaks the gateway's login and the
 * encoder's upload and job protocol, with faults to inject (a connection dropped mid-chunk, an offset conflict, 503s,
 * an expired token, a rejected master) and counters to assert on.
 */
public final class StudioServer implements AutoCloseable {

    /** A fault for one PATCH. */
    public enum Fault {
        /** Read half the chunk (and keep it), then drop the connection without a response. */
        DROP_MID_CHUNK,
        /** Lose the last 1000 bytes received, and answer 409 with the new offset. */
        CONFLICT_REWIND,
        /** Answer 503 without reading the chunk. */
        UNAVAILABLE,
        /** Expire the access token and answer 401. */
        EXPIRE_TOKEN
    }

    /** One upload on the server. */
    public static final class ServerUpload {
        final UUID id;
        final UUID titleId;
        final String filename;
        final long length;
        final String ladder;
        final String profile;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();

        @Nullable
        UUID jobId;

        ServerUpload(UUID id, UUID titleId, String filename, long length, String ladder, String profile) {
            this.id = id;
            this.titleId = titleId;
            this.filename = filename;
            this.length = length;
            this.ladder = ladder;
            this.profile = profile;
        }

        /** The bytes received. */
        public synchronized byte[] bytes() {
            return data.toByteArray();
        }

        /** The requested ladder, as sent. */
        public String ladder() {
            return ladder;
        }

        /** The requested profile, as sent. */
        public String profile() {
            return profile;
        }

        /** The file name, as sent. */
        public String filename() {
            return filename;
        }

        synchronized long offset() {
            return data.size();
        }

        synchronized void append(byte[] bytes, int length) {
            data.write(bytes, 0, length);
        }

        synchronized void truncate(long size) {
            byte[] kept = data.toByteArray();
            data.reset();
            data.write(kept, 0, (int) Math.max(0, Math.min(size, kept.length)));
        }
    }

    /**
     * A job step: state, percent, ETA.
     *
     * @param state job state
     * @param percent progress
     * @param etaSeconds ETA, or null
     * @param failureReason reason, for FAILED
     */
    public record Step(
            String state,
            double percent,
            @Nullable Long etaSeconds,
            @Nullable String failureReason) {}

    private static final String EMAIL = "admin@reel.local";

    private final HttpServer server;
    private final String password;
    private final Set<UUID> titles = ConcurrentHashMap.newKeySet();
    private final Map<UUID, ServerUpload> uploads = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> jobCursor = new ConcurrentHashMap<>();
    private final Map<Integer, Fault> faults = new ConcurrentHashMap<>();
    private volatile List<Step> script = List.of(
            new Step("QUEUED", 0, null, null),
            new Step("ENCODING", 40, 12L, null),
            new Step("PACKAGING", 85, 3L, null),
            new Step("DONE", 100, 0L, null));
    private volatile String token = UUID.randomUUID().toString();
    private volatile @Nullable String rejectTitle;
    private volatile int dropFirstStreamAfter = -1;
    private volatile boolean eventsUnavailable;

    /** Logins answered. */
    public final AtomicInteger logins = new AtomicInteger();
    /** Uploads created. */
    public final AtomicInteger creates = new AtomicInteger();
    /** PATCH requests received. */
    public final AtomicInteger patches = new AtomicInteger();
    /** HEAD requests received. */
    public final AtomicInteger heads = new AtomicInteger();
    /** Event streams opened. */
    public final AtomicInteger eventStreams = new AtomicInteger();
    /** Job polls answered. */
    public final AtomicInteger polls = new AtomicInteger();
    /** Genres created. */
    public final AtomicInteger genreCreates = new AtomicInteger();
    /** Titles created through the API. */
    public final AtomicInteger titleCreates = new AtomicInteger();
    /** Publish requests answered. */
    public final AtomicInteger publishes = new AtomicInteger();
    /** Every request received, as {@code METHOD path}. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    private final Map<UUID, String> genres = new ConcurrentHashMap<>();
    private final Map<UUID, CatalogTitle> catalog = new ConcurrentHashMap<>();
    private final Set<String> failTitleCreation = ConcurrentHashMap.newKeySet();

    /**
     * A catalog title.
     *
     * @param id id
     * @param name name
     * @param genreIds genres
     * @param body the request it was created from
     * @param published whether it is published
     */
    public record CatalogTitle(UUID id, String name, List<UUID> genreIds, String body, boolean published) {}

    /** Starts the server on a free loopback port; {@code password} is the admin's. */
    public StudioServer(String password) throws IOException {
        this.password = password;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/v1/auth/login", this::login);
        server.createContext("/api/v1/studio/uploads", this::uploads);
        server.createContext("/api/v1/studio/jobs", this::jobs);
        server.createContext("/api/v1/genres", this::genres);
        server.createContext("/api/v1/titles", this::titles);
        server.start();
    }

    /** The base URI, as the gateway's. */
    public URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** The admin e-mail the server accepts. */
    public static String email() {
        return EMAIL;
    }

    /** Registers a catalog title. */
    public UUID title() {
        UUID id = UUID.randomUUID();
        titles.add(id);
        return id;
    }

    /** Creates a title in the catalog directly (as if created by an earlier, unrecorded request). */
    public UUID catalogTitle(String name, UUID genre) {
        UUID id = UUID.randomUUID();
        catalog.put(id, new CatalogTitle(id, name, List.of(genre), "{}", false));
        titles.add(id);
        return id;
    }

    /** Creates a genre directly. */
    public UUID genre(String name) {
        UUID id = UUID.randomUUID();
        genres.put(id, name);
        return id;
    }

    /** The genres, by id. */
    public Map<UUID, String> genres() {
        return Map.copyOf(genres);
    }

    /** The catalog titles. */
    public List<CatalogTitle> catalogTitles() {
        return List.copyOf(catalog.values());
    }

    /** Answers 422 to the next attempt to create a title called {@code name}. */
    public void failTitleCreation(String name) {
        failTitleCreation.add(name);
    }

    /** Injects {@code fault} into the {@code n}-th PATCH (1-based, counted over the server's life). */
    public void fault(int n, Fault fault) {
        faults.put(n, fault);
    }

    /** Rejects every complete master with a 422 problem titled {@code title}. */
    public void rejectMasters(String title) {
        rejectTitle = title;
    }

    /** The job states every job goes through (one per event, or per poll). */
    public void script(List<Step> steps) {
        script = List.copyOf(steps);
    }

    /** Ends the first event stream after {@code events} events, before the job ends. */
    public void dropFirstStreamAfter(int events) {
        dropFirstStreamAfter = events;
    }

    /** Answers 503 to every event stream, so that clients must poll. */
    public void eventsUnavailable() {
        eventsUnavailable = true;
    }

    /** The uploads received. */
    public List<ServerUpload> uploads() {
        return new ArrayList<>(uploads.values());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void genres(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        if (exchange.getRequestMethod().equals("GET")) {
            List<Object> items = new ArrayList<>();
            genres.forEach((id, name) -> items.add(Map.of("id", id.toString(), "name", name, "slug", name)));
            json(exchange, 200, page(items), Map.of());
            return;
        }
        if (!authorized(exchange)) {
            drain(exchange);
            problem(exchange, 401, "Unauthorized", "Missing or invalid access token", Map.of());
            return;
        }
        var json = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String name = String.valueOf(json == null ? null : Json.text(json, "name"));
        if (genres.containsValue(name)) {
            problem(exchange, 409, "Genre exists", name, Map.of());
            return;
        }
        genreCreates.incrementAndGet();
        UUID id = genre(name);
        json(exchange, 201, Map.of("id", id.toString(), "name", name, "slug", name), Map.of());
    }

    private void titles(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        if (!authorized(exchange)) {
            drain(exchange);
            problem(exchange, 401, "Unauthorized", "Missing or invalid access token", Map.of());
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (method.equals("GET") && path.equals("/api/v1/titles")) {
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            List<Object> items = new ArrayList<>();
            for (CatalogTitle title : catalog.values()) {
                if (title.genreIds().stream().anyMatch(g -> query.contains("genre=" + g))) {
                    items.add(Map.of(
                            "id", title.id().toString(),
                            "name", title.name(),
                            "state", title.published() ? "PUBLISHED" : "DRAFT"));
                }
            }
            json(exchange, 200, page(items), Map.of());
            return;
        }
        if (method.equals("POST") && path.equals("/api/v1/titles")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var json = Json.parse(body);
            if (json == null
                    || Json.text(json, "name") == null
                    || Json.text(json, "synopsis") == null
                    || Json.text(json, "type") == null
                    || Json.text(json, "maturity") == null
                    || Json.longValue(json, "year") == null) {
                problem(exchange, 400, "Invalid request", "missing fields", Map.of());
                return;
            }
            String name = String.valueOf(Json.text(json, "name"));
            if (failTitleCreation.remove(name)) {
                problem(exchange, 422, "Unknown genre", "test fault for " + name, Map.of());
                return;
            }
            List<UUID> genreIds = new ArrayList<>();
            json.path("genreIds").forEach(g -> genreIds.add(UUID.fromString(g.asString())));
            titleCreates.incrementAndGet();
            UUID id = UUID.randomUUID();
            catalog.put(id, new CatalogTitle(id, name, genreIds, body, false));
            titles.add(id);
            json(exchange, 201, Map.of("id", id.toString(), "name", name, "state", "DRAFT"), Map.of());
            return;
        }
        if (method.equals("POST") && path.endsWith("/publish")) {
            UUID id = UUID.fromString(path.substring("/api/v1/titles/".length(), path.length() - "/publish".length()));
            CatalogTitle title = catalog.get(id);
            if (title == null) {
                problem(exchange, 404, "Title not found", id.toString(), Map.of());
                return;
            }
            publishes.incrementAndGet();
            catalog.put(id, new CatalogTitle(id, title.name(), title.genreIds(), title.body(), true));
            json(exchange, 200, Map.of("id", id.toString(), "state", "PUBLISHED"), Map.of());
            return;
        }
        problem(exchange, 404, "Not Found", path, Map.of());
    }

    private static Map<String, Object> page(List<Object> items) {
        return Map.of("items", items, "page", 0, "size", 100, "totalItems", items.size(), "totalPages", 1);
    }

    private void login(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var json = Json.parse(body);
        if (json == null || !EMAIL.equals(Json.text(json, "email")) || !password.equals(Json.text(json, "password"))) {
            problem(exchange, 401, "Bad credentials", "Wrong e-mail or password", Map.of());
            return;
        }
        logins.incrementAndGet();
        json(exchange, 200, Map.of("accessToken", token, "tokenType", "Bearer", "expiresIn", 900), Map.of());
    }

    private void uploads(HttpExchange exchange) throws IOException {
        if (!authorized(exchange)) {
            drain(exchange);
            problem(exchange, 401, "Unauthorized", "Missing or invalid access token", Map.of());
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals(StudioClient.UPLOADS) && method.equals("POST")) {
            create(exchange);
            return;
        }
        @Nullable ServerUpload upload = uploadOf(path);
        if (upload == null) {
            drain(exchange);
            problem(exchange, 404, "Not Found", "No upload " + path, Map.of());
            return;
        }
        switch (method) {
            case "HEAD" -> {
                heads.incrementAndGet();
                exchange.getResponseHeaders().add("Upload-Offset", Long.toString(upload.offset()));
                exchange.getResponseHeaders().add("Upload-Length", Long.toString(upload.length));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            }
            case "GET" -> json(exchange, 200, document(upload), Map.of());
            case "PATCH" -> patch(exchange, upload);
            default -> problem(exchange, 405, "Method Not Allowed", method, Map.of());
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        var json = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (json == null) {
            problem(exchange, 400, "Malformed JSON", "The body is not JSON", Map.of());
            return;
        }
        @Nullable UUID titleId = Json.uuid(json, "titleId");
        if (titleId == null || !titles.contains(titleId)) {
            problem(exchange, 404, "Title not found", "No title " + Json.text(json, "titleId"), Map.of());
            return;
        }
        @Nullable Long length = Json.longValue(json, "length");
        if (length == null || length <= 0) {
            problem(exchange, 422, "Empty master", "length must be positive", Map.of());
            return;
        }
        creates.incrementAndGet();
        var upload = new ServerUpload(
                UUID.randomUUID(),
                titleId,
                String.valueOf(Json.text(json, "filename")),
                length,
                String.valueOf(Json.text(json, "ladder")),
                String.valueOf(Json.text(json, "profile")));
        uploads.put(upload.id, upload);
        json(
                exchange,
                201,
                document(upload),
                Map.of("Location", StudioClient.UPLOADS + "/" + upload.id, "Upload-Offset", "0"));
    }

    private void patch(HttpExchange exchange, ServerUpload upload) throws IOException {
        int n = patches.incrementAndGet();
        @Nullable Fault fault = faults.remove(n);
        if (!StudioClient.CHUNK_TYPE.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            drain(exchange);
            problem(exchange, 415, "Unsupported Media Type", "use " + StudioClient.CHUNK_TYPE, Map.of());
            return;
        }
        if (fault == Fault.UNAVAILABLE) {
            drain(exchange);
            problem(exchange, 503, "Service Unavailable", "No encoder instance is available", Map.of());
            return;
        }
        if (fault == Fault.EXPIRE_TOKEN) {
            token = UUID.randomUUID().toString();
            drain(exchange);
            problem(exchange, 401, "Unauthorized", "The access token expired", Map.of());
            return;
        }
        long offset = Long.parseLong(exchange.getRequestHeaders().getFirst("Upload-Offset"));
        if (fault == Fault.CONFLICT_REWIND) {
            upload.truncate(upload.offset() - 1000);
        }
        if (offset != upload.offset() || fault == Fault.CONFLICT_REWIND) {
            drain(exchange);
            problem(
                    exchange,
                    409,
                    "Offset mismatch",
                    "The upload is at offset " + upload.offset() + ", not " + offset,
                    Map.of("offset", upload.offset()));
            return;
        }
        InputStream in = exchange.getRequestBody();
        byte[] buffer = new byte[8192];
        long declared = Long.parseLong(exchange.getRequestHeaders().getFirst("Content-Length"));
        long limit = fault == Fault.DROP_MID_CHUNK ? declared / 2 : declared;
        long read = 0;
        while (read < limit) {
            int count = in.read(buffer, 0, (int) Math.min(buffer.length, limit - read));
            if (count < 0) {
                break;
            }
            upload.append(buffer, count);
            read += count;
        }
        if (fault == Fault.DROP_MID_CHUNK) {
            throw new IOException("dropping the connection mid-chunk (test fault)");
        }
        if (upload.offset() > upload.length) {
            problem(exchange, 400, "Too long", "more bytes than declared", Map.of());
            return;
        }
        if (upload.offset() == upload.length && upload.jobId == null) {
            @Nullable String rejection = rejectTitle;
            if (rejection != null) {
                uploads.remove(upload.id);
                problem(exchange, 422, rejection, "ffprobe found no video stream in " + upload.filename, Map.of());
                return;
            }
            upload.jobId = UUID.randomUUID();
            jobCursor.put(upload.jobId, 0);
        }
        json(exchange, 200, document(upload), Map.of("Upload-Offset", Long.toString(upload.offset())));
    }

    private void jobs(HttpExchange exchange) throws IOException {
        if (!authorized(exchange)) {
            problem(exchange, 401, "Unauthorized", "Missing or invalid access token", Map.of());
            return;
        }
        String rest = exchange.getRequestURI().getPath().substring(StudioClient.JOBS.length() + 1);
        boolean events = rest.endsWith("/events");
        UUID id;
        try {
            id = UUID.fromString(events ? rest.substring(0, rest.length() - "/events".length()) : rest);
        } catch (IllegalArgumentException e) {
            problem(exchange, 404, "Not Found", rest, Map.of());
            return;
        }
        if (!jobCursor.containsKey(id)) {
            problem(exchange, 404, "Job not found", "No job " + id, Map.of());
            return;
        }
        if (!events) {
            polls.incrementAndGet();
            json(exchange, 200, job(id, advance(id)), Map.of());
            return;
        }
        if (eventsUnavailable) {
            problem(exchange, 503, "Service Unavailable", "events are off", Map.of());
            return;
        }
        int stream = eventStreams.incrementAndGet();
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            int sent = 0;
            while (true) {
                Step step = advance(id);
                String data = Json.write(job(id, step));
                out.write(("event: job\nid: " + sent + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                sent++;
                if (step.state().equals("DONE") || step.state().equals("FAILED")) {
                    break;
                }
                if (stream == 1 && sent == dropFirstStreamAfter) {
                    break;
                }
            }
        }
    }

    private Step advance(UUID job) {
        List<Step> steps = script;
        int at = jobCursor.merge(job, 1, Integer::sum) - 1;
        return steps.get(Math.min(at, steps.size() - 1));
    }

    private static Map<String, Object> job(UUID id, Step step) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("id", id.toString());
        job.put("state", step.state());
        job.put("percent", step.percent());
        job.put("etaSeconds", step.etaSeconds());
        job.put("failureReason", step.failureReason());
        return job;
    }

    private boolean authorized(HttpExchange exchange) {
        return ("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private @Nullable ServerUpload uploadOf(String path) {
        try {
            return uploads.get(UUID.fromString(path.substring(StudioClient.UPLOADS.length() + 1)));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static Map<String, Object> document(ServerUpload upload) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", upload.id.toString());
        json.put("titleId", upload.titleId.toString());
        json.put("offset", upload.offset());
        json.put("length", upload.length);
        json.put("state", upload.jobId != null ? "COMPLETE" : "RECEIVING");
        json.put("jobId", upload.jobId != null ? upload.jobId.toString() : null);
        return json;
    }

    private static void drain(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
    }

    private static void problem(
            HttpExchange exchange, int status, String title, String detail, Map<String, Object> members)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(members);
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        send(exchange, status, Json.write(body));
    }

    private static void json(HttpExchange exchange, int status, Map<String, Object> body, Map<String, String> headers)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::add);
        send(exchange, status, Json.write(body));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
