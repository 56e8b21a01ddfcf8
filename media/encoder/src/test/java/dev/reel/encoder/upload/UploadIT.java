package dev.reel.encoder.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.encoder.EncoderApplication;
import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.keystore.LicenceKeys;
import dev.reel.testkit.TestHttp;
import dev.reel.testkit.TestInfra;
import dev.reel.testkit.TestTokenDecoder;
import dev.reel.testkit.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The upload protocol against real engines: the encoder application on embedded PostgreSQL and a KRaft broker, real
 * ffprobe/ffmpeg checks on clips generated here, and a local HTTP stand-in for the catalog registered in (simple)
 * discovery. Job workers are off ({@code reel.encoder.jobs.workers=0}): these tests stop at the queued job. Limits are
 * small (128 KiB chunks, 2 MiB files), so every limit is reachable with a 3-second clip; the catalog outage runs last.
 */
@SpringBootTest(
        classes = {EncoderApplication.class, TestTokenDecoder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UploadIT {

    private static final CatalogStandIn CATALOG = CatalogStandIn.start();
    private static final Path WORK = createTempDirectory();
    private static final int MAX_CHUNK = 128 * 1024;
    private static final int MAX_SIZE = 2 * 1024 * 1024;
    private static final int CHUNK = 100_000;
    private static final Duration WAIT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.registerPostgres(registry, "encoder");
        TestInfra.registerKafka(registry);
        Path secrets = WORK.resolve("secrets");
        if (!Files.exists(secrets.resolve(LicenceKeys.PUBLIC_FILE))) {
            LicenceKeys.writePem(LicenceKeys.generate(), secrets);
        }
        registry.add("reel.encoder.keys.url", () -> TestInfra.jdbcUrl("keys"));
        registry.add("reel.encoder.keys.public-key", () -> secrets.resolve(LicenceKeys.PUBLIC_FILE)
                .toString());
        registry.add("reel.encoder.work-dir", () -> WORK.resolve("encoder").toString());
        registry.add("reel.encoder.origin.root", () -> WORK.resolve("origin").toString());
        registry.add("reel.encoder.jobs.workers", () -> "0");
        registry.add("reel.encoder.uploads.max-chunk", () -> MAX_CHUNK + "B");
        registry.add("reel.encoder.uploads.max-size", () -> MAX_SIZE + "B");
        registry.add("reel.encoder.uploads.clean-interval", () -> "300ms");
        registry.add("reel.kit.web.max-request-body", () -> "1MB");
        registry.add("reel.kit.clients.connect-timeout", () -> "300ms");
        registry.add("reel.kit.clients.read-timeout", () -> "2s");
        registry.add("spring.cloud.discovery.enabled", () -> "true");
        registry.add(
                "spring.cloud.discovery.client.simple.instances.catalog[0].uri",
                () -> "http://127.0.0.1:" + CATALOG.port());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestHttp api;
    private UploadClient uploads;
    private final UUID adminAccount = UUID.randomUUID();
    private String admin = "";
    private String member = "";
    private byte[] master = new byte[0];
    private byte[] audioOnly = new byte[0];
    private byte[] stillImage = new byte[0];
    private byte[] truncatedFastStart = new byte[0];

    @BeforeAll
    void setUp() throws IOException {
        api = new TestHttp(port);
        uploads = new UploadClient(api);
        admin = TestTokens.admin(adminAccount);
        member = TestTokens.member(UUID.randomUUID());
        // Fails here, clearly, when ffmpeg is missing: these tests never skip.
        FfmpegRunner ffmpeg = FfmpegRunner.fromEnvironment();
        Path media = Files.createDirectories(WORK.resolve("media"));
        Path masterFile = media.resolve("master.mp4");
        ffmpeg.ffmpeg(List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x180:rate=24:duration=3",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000:duration=3",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-b:a",
                "64k",
                "-shortest",
                FfmpegRunner.fileArgument(masterFile)));
        master = Files.readAllBytes(masterFile);
        assertThat(master.length).as("the master needs several chunks").isBetween(2 * CHUNK, MAX_SIZE);

        Path fastStart = media.resolve("faststart.mp4");
        ffmpeg.ffmpeg(List.of(
                "-i",
                FfmpegRunner.fileArgument(masterFile),
                "-c",
                "copy",
                "-movflags",
                "+faststart",
                FfmpegRunner.fileArgument(fastStart)));
        byte[] fastStartBytes = Files.readAllBytes(fastStart);
        truncatedFastStart = Arrays.copyOf(fastStartBytes, fastStartBytes.length * 6 / 10);

        Path audio = media.resolve("audio.m4a");
        ffmpeg.ffmpeg(List.of(
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000:duration=3",
                "-c:a",
                "aac",
                FfmpegRunner.fileArgument(audio)));
        audioOnly = Files.readAllBytes(audio);

        Path still = media.resolve("still.png");
        ffmpeg.ffmpeg(List.of(
                "-f", "lavfi", "-i", "color=c=red:s=64x64", "-frames:v", "1", FfmpegRunner.fileArgument(still)));
        stillImage = Files.readAllBytes(still);
    }

    @AfterAll
    void tearDown() {
        CATALOG.close();
        deleteTree(WORK);
    }

    // --- the happy path -------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void chunksCompleteTheUploadIntoOneQueuedJob() {
        UUID title = CATALOG.addTitle();
        var created = uploads.create(admin, body(title, "The Heat (1995).mp4", master.length, "FIXED", "FAST"))
                .send();
        JsonNode upload = created.ok(201);
        String id = upload.path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/studio/uploads/" + id);
        assertThat(created.header("Upload-Offset")).isEqualTo("0");
        assertThat(upload.path("titleId").asString()).isEqualTo(title.toString());
        assertThat(upload.path("filename").asString()).isEqualTo("The Heat (1995).mp4");
        assertThat(upload.path("length").asLong()).isEqualTo(master.length);
        assertThat(upload.path("offset").asLong()).isZero();
        assertThat(upload.path("state").asString()).isEqualTo("RECEIVING");
        assertThat(upload.path("ladder").asString()).isEqualTo("FIXED");
        assertThat(upload.path("profile").asString()).isEqualTo("FAST");
        assertThat(upload.path("jobId").isNull()).isTrue();
        assertThat(upload.path("rejection").isNull()).isTrue();
        assertThat(upload.path("expiresAt").asString()).isNotBlank();
        // The title was looked up with the admin's own token.
        assertThat(CATALOG.lastAuthorization()).isEqualTo("Bearer " + admin);

        int offset = 0;
        TestHttp.Response last = null;
        while (offset < master.length) {
            int end = Math.min(offset + CHUNK, master.length);
            last = uploads.patch(id, admin, offset, master, offset, end).send();
            JsonNode after = last.ok(200);
            assertThat(after.path("offset").asLong()).isEqualTo(end);
            assertThat(last.header("Upload-Offset")).isEqualTo(Integer.toString(end));
            assertThat(last.header("Upload-Length")).isEqualTo(Integer.toString(master.length));
            if (end < master.length) {
                assertThat(after.path("state").asString()).isEqualTo("RECEIVING");
                assertThat(head(id).header("Upload-Offset")).isEqualTo(Integer.toString(end));
            }
            offset = end;
        }
        JsonNode completed = last.json();
        assertThat(completed.path("state").asString()).isEqualTo("COMPLETE");
        String jobId = completed.path("jobId").asString();
        assertThat(jobId).isNotBlank();
        assertThat(last.header("Link")).isEqualTo("</api/v1/studio/jobs/" + jobId + ">; rel=\"monitor\"");

        Path masterPath = masterDir(id).resolve("master.mp4");
        assertThat(sha256(masterPath)).isEqualTo(sha256(master));
        assertThat(partFile(id)).doesNotExist();
        Map<String, Object> job = jdbc.sql(
                        "SELECT upload_id, title_id, master_path, ladder_mode, profile, requested_by,"
                                + " state FROM jobs WHERE id = :id")
                .param("id", UUID.fromString(jobId))
                .query()
                .singleRow();
        assertThat(job.get("upload_id")).hasToString(id);
        assertThat(job.get("title_id")).isEqualTo(title);
        assertThat(job.get("master_path")).isEqualTo(masterPath.toString());
        assertThat(job.get("ladder_mode")).isEqualTo("FIXED");
        assertThat(job.get("profile")).isEqualTo("FAST");
        assertThat(job.get("requested_by")).isEqualTo(adminAccount);
        assertThat(job.get("state")).isEqualTo("QUEUED");

        // Idempotent: the last chunk again, an empty chunk at the end, GET and HEAD all show the same completion.
        int lastStart = (master.length - 1) / CHUNK * CHUNK;
        var repeated = uploads.patch(id, admin, lastStart, master, lastStart, master.length)
                .send();
        assertThat(repeated.ok(200).path("jobId").asString()).isEqualTo(jobId);
        var empty = uploads.patch(id, admin, master.length, master, 0, 0).send();
        assertThat(empty.ok(200).path("state").asString()).isEqualTo("COMPLETE");
        var got =
                api.method("GET", UploadClient.UPLOADS + "/" + id).token(admin).send();
        assertThat(got.ok(200).path("jobId").asString()).isEqualTo(jobId);
        assertThat(got.header("Upload-Offset")).isEqualTo(Integer.toString(master.length));
        assertThat(got.header("Cache-Control")).contains("no-store");
        var headed = head(id);
        assertThat(headed.status()).isEqualTo(200);
        assertThat(headed.header("Upload-Length")).isEqualTo(Integer.toString(master.length));
        assertThat(jobsFor(id)).isEqualTo(1);

        // A complete upload's master belongs to its job.
        api.method("DELETE", UploadClient.UPLOADS + "/" + id)
                .token(admin)
                .send()
                .problem(409);
        assertThat(masterPath).exists();
    }

    @Test
    @Order(2)
    void aDroppedConnectionKeepsEveryByteThatArrivedAndTheUploadResumes() throws Exception {
        String id = create(master.length);
        int sent = CHUNK / 2 + 1234;

        // Declare a whole chunk, send part of it, and vanish.
        try (RawPatch patch = RawPatch.start(port, UploadClient.UPLOADS + "/" + id, admin, 0, CHUNK)) {
            patch.write(master, 0, sent);
        }
        await(() -> offsetOf(id) == sent, "the bytes that arrived are recorded");
        assertThat(Files.size(partFile(id))).isEqualTo(sent);

        // Resume from what HEAD reports.
        long offset = offsetOf(id);
        TestHttp.Response last = null;
        while (offset < master.length) {
            int end = (int) Math.min(offset + CHUNK, master.length);
            last = uploads.patch(id, admin, offset, master, (int) offset, end).send();
            assertThat(last.ok(200).path("offset").asLong()).isEqualTo(end);
            offset = end;
        }
        assertThat(last.json().path("state").asString()).isEqualTo("COMPLETE");
        assertThat(sha256(masterDir(id).resolve("master.mp4"))).isEqualTo(sha256(master));
        assertThat(jobsFor(id)).isEqualTo(1);
    }

    // --- protocol errors ------------------------------------------------------------------------------------------

    @Test
    @Order(3)
    void offsetsTypesAndSizesAreEnforcedWithoutLosingBytes() {
        String id = create(master.length);
        uploads.patch(id, admin, 0, master, 0, 1000).send().ok(200);

        var behind = uploads.patch(id, admin, 0, master, 0, 1000).send();
        JsonNode conflict = behind.problem(409);
        assertThat(conflict.path("offset").asLong()).isEqualTo(1000);
        assertThat(behind.header("Upload-Offset")).isEqualTo("1000");
        assertThat(uploads.patch(id, admin, 5000, master, 5000, 6000)
                        .send()
                        .problem(409)
                        .path("offset")
                        .asLong())
                .isEqualTo(1000);

        api.method("PATCH", UploadClient.UPLOADS + "/" + id)
                .token(admin)
                .header("Upload-Offset", "1000")
                .bytes("application/octet-stream", Arrays.copyOfRange(master, 1000, 2000))
                .send()
                .problem(415);
        api.method("PATCH", UploadClient.UPLOADS + "/" + id)
                .token(admin)
                .bytes("application/offset+octet-stream", Arrays.copyOfRange(master, 1000, 2000))
                .send()
                .problem(400);
        // Over the chunk limit, and past the declared length.
        uploads.patch(id, admin, 1000, master, 1000, 1000 + MAX_CHUNK + 1)
                .send()
                .problem(413);
        String small = create(5000);
        uploads.patch(small, admin, 0, master, 0, 5001).send().problem(400);
        assertThat(offsetOf(small)).isZero();

        assertThat(offsetOf(id)).isEqualTo(1000);
        assertThat(Files.exists(partFile(id))).isTrue();
        assertThat(sha256(partFile(id))).isEqualTo(sha256(Arrays.copyOf(master, 1000)));

        // Abandoning deletes the upload and its bytes.
        assertThat(api.method("DELETE", UploadClient.UPLOADS + "/" + id)
                        .token(admin)
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(partFile(id)).doesNotExist();
        api.method("GET", UploadClient.UPLOADS + "/" + id).token(admin).send().problem(404);
        assertThat(head(id).status()).isEqualTo(404);
        uploads.patch(id, admin, 1000, master, 1000, 2000).send().problem(404);
        api.method("DELETE", UploadClient.UPLOADS + "/" + id)
                .token(admin)
                .send()
                .problem(404);
    }

    @Test
    @Order(4)
    void onlyOneChunkOfAnUploadIsWrittenAtATime() throws Exception {
        String id = create(master.length);
        int first = CHUNK / 2;
        try (RawPatch slow = RawPatch.start(port, UploadClient.UPLOADS + "/" + id, admin, 0, CHUNK)) {
            slow.write(master, 0, first);
            // The part file is only written under the upload's lock: once it holds these bytes, the lock is taken.
            await(() -> sizeOf(partFile(id)) == first, "the first request is writing");

            var competing = uploads.patch(id, admin, 0, master, 0, CHUNK).send();
            JsonNode busy = competing.problem(409);
            assertThat(busy.path("offset").asLong()).isZero();
            assertThat(busy.path("detail").asString()).contains("Another request is writing");

            slow.write(master, first, CHUNK);
            assertThat(slow.status()).isEqualTo(200);
        }
        assertThat(offsetOf(id)).isEqualTo(CHUNK);
        assertThat(sha256(partFile(id))).isEqualTo(sha256(Arrays.copyOf(master, CHUNK)));
    }

    // --- bad masters ----------------------------------------------------------------------------------------------

    @Test
    @Order(5)
    void filesThatAreNotUsableVideoMastersAreRejectedAndLeaveNothingBehind() {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("notes.mp4", "These are my notes, not a video.\n".repeat(200).getBytes(StandardCharsets.UTF_8));
        bad.put("truncated.mp4", Arrays.copyOf(master, master.length * 6 / 10));
        bad.put("truncated-faststart.mp4", truncatedFastStart);
        bad.put("audio.m4a", audioOnly);
        bad.put("poster.png", stillImage);

        bad.forEach((name, bytes) -> {
            UUID title = CATALOG.addTitle();
            String id = uploads.create(admin, body(title, name, bytes.length, null, null))
                    .send()
                    .ok(201)
                    .path("id")
                    .asString();
            TestHttp.Response last = null;
            for (int offset = 0; offset < bytes.length; offset += CHUNK) {
                last = uploads.patch(id, admin, offset, bytes, offset, Math.min(offset + CHUNK, bytes.length))
                        .send();
            }
            JsonNode problem = last.problem(422);
            assertThat(problem.path("detail").asString())
                    .as(name)
                    .startsWith("Not a usable video master: ")
                    .doesNotContain(WORK.toString())
                    .doesNotContain(".part");
            JsonNode upload = api.method("GET", UploadClient.UPLOADS + "/" + id)
                    .token(admin)
                    .send()
                    .ok(200);
            assertThat(upload.path("state").asString()).as(name).isEqualTo("REJECTED");
            assertThat(upload.path("rejection").asString()).as(name).isNotBlank();
            assertThat(upload.path("jobId").isNull()).isTrue();
            assertThat(partFile(id)).as(name).doesNotExist();
            assertThat(masterDir(id)).as(name).doesNotExist();
            assertThat(jobsFor(id)).as(name).isZero();
            // Final: the last chunk again gets the same verdict.
            int lastStart = (bytes.length - 1) / CHUNK * CHUNK;
            uploads.patch(id, admin, lastStart, bytes, lastStart, bytes.length)
                    .send()
                    .problem(422);
        });
    }

    @Test
    @Order(6)
    void badRequestsAreRefusedBeforeAnythingIsWritten() throws IOException {
        UUID title = CATALOG.addTitle();
        long uploadsBefore = uploadRows();
        Set<String> filesBefore = workFiles();

        assertThat(uploads.create(admin, body(title, "empty.mp4", 0, null, null))
                        .send()
                        .problem(400)
                        .path("detail")
                        .asString())
                .contains("empty");
        uploads.create(admin, body(title, "negative.mp4", -5, null, null))
                .send()
                .problem(400);
        uploads.create(admin, Map.of("titleId", title.toString(), "filename", "nolength.mp4"))
                .send()
                .problem(400);
        uploads.create(admin, Map.of("filename", "notitle.mp4", "length", 10))
                .send()
                .problem(400);
        uploads.create(admin, body(title, "huge.mp4", MAX_SIZE + 1L, null, null))
                .send()
                .problem(413);
        for (String name : List.of(
                "../../etc/passwd",
                "a/b.mp4",
                "..",
                "\u0000x.mp4",
                "..\\..\\boot.ini",
                ".hidden.mp4",
                "",
                "x".repeat(300))) {
            assertThat(uploads.create(admin, body(title, name, 1000, null, null))
                            .send()
                            .problem(400)
                            .path("detail")
                            .asString())
                    .as(name)
                    .startsWith("Bad filename");
        }
        api.method("POST", UploadClient.UPLOADS)
                .token(admin)
                .bytes("application/json", "{\"titleId\":".getBytes(StandardCharsets.UTF_8))
                .send()
                .problem(400);
        assertThat(uploads.create(admin, body(UUID.randomUUID(), "ghost.mp4", 1000, null, null))
                        .send()
                        .problem(404)
                        .path("detail")
                        .asString())
                .contains("does not exist");

        assertThat(uploadRows()).isEqualTo(uploadsBefore);
        assertThat(workFiles()).isEqualTo(filesBefore);
    }

    // --- access ---------------------------------------------------------------------------------------------------

    @Test
    @Order(7)
    void onlyAdminsMayUpload() {
        UUID title = CATALOG.addTitle();
        String id = create(master.length);
        String path = UploadClient.UPLOADS + "/" + id;

        uploads.create(member, body(title, "m.mp4", 10, null, null)).send().problem(403);
        api.method("POST", UploadClient.UPLOADS)
                .body(body(title, "m.mp4", 10, null, null))
                .send()
                .problem(401);
        for (String method : List.of("GET", "DELETE")) {
            api.method(method, path).token(member).send().problem(403);
            api.method(method, path).send().problem(401);
        }
        assertThat(api.method("HEAD", path).token(member).send().status()).isEqualTo(403);
        assertThat(api.method("HEAD", path).send().status()).isEqualTo(401);
        uploads.patch(id, member, 0, master, 0, 10).send().problem(403);
        uploads.patch(id, null, 0, master, 0, 10).send().problem(401);
        assertThat(offsetOf(id)).isZero();
    }

    // --- housekeeping and crash recovery --------------------------------------------------------------------------

    @Test
    @Order(8)
    void expiredUploadsAreDeletedWithTheirBytes() {
        String id = create(master.length);
        uploads.patch(id, admin, 0, master, 0, 1000).send().ok(200);
        assertThat(partFile(id)).exists();

        jdbc.sql("UPDATE uploads SET expires_at = now() - interval '1 minute' WHERE id = :id")
                .param("id", UUID.fromString(id))
                .update();

        await(() -> head(id).status() == 404, "the cleaner deletes the expired upload");
        assertThat(partFile(id)).doesNotExist();
    }

    @Test
    @Order(9)
    void aCrashBetweenTheMoveAndTheCommitLosesNothingAndMakesOneJob() throws IOException {
        String id = create(master.length);
        int almost = master.length - 100;
        for (int offset = 0; offset < almost; offset += CHUNK) {
            uploads.patch(id, admin, offset, master, offset, Math.min(offset + CHUNK, almost))
                    .send()
                    .ok(200);
        }
        // What a process that died after moving the complete file, before committing, leaves behind: every byte
        // recorded, no part file, the master in place, no job.
        Files.write(partFile(id), Arrays.copyOfRange(master, almost, master.length), StandardOpenOption.APPEND);
        Files.createDirectories(masterDir(id));
        Files.move(partFile(id), masterDir(id).resolve("master.mp4"));
        jdbc.sql("UPDATE uploads SET received = length, updated_at = now() WHERE id = :id")
                .param("id", UUID.fromString(id))
                .update();
        assertThat(jobsFor(id)).isZero();

        // The client resumes as HEAD tells it: every byte is there, so it sends an empty chunk at the end. (The
        // cleaner may get there first; either way the upload completes once.)
        assertThat(offsetOf(id)).isEqualTo(master.length);
        JsonNode upload =
                uploads.patch(id, admin, master.length, master, 0, 0).send().ok(200);

        assertThat(upload.path("state").asString()).isEqualTo("COMPLETE");
        assertThat(sha256(masterDir(id).resolve("master.mp4"))).isEqualTo(sha256(master));
        assertThat(jobsFor(id)).isEqualTo(1);
        assertThat(uploads.patch(id, admin, master.length, master, 0, 0)
                        .send()
                        .ok(200)
                        .path("jobId")
                        .asString())
                .isEqualTo(upload.path("jobId").asString());
        assertThat(jobsFor(id)).isEqualTo(1);
    }

    // --- the catalog outage (last: it trips the client) -----------------------------------------------------------

    @Test
    @Order(10)
    void anUnavailableCatalogIsA503WithRetryAfterAndWritesNothing() throws IOException {
        UUID title = CATALOG.addTitle();
        long uploadsBefore = uploadRows();
        Set<String> filesBefore = workFiles();
        CATALOG.available(false);
        try {
            var refused = uploads.create(admin, body(title, "later.mp4", 1000, null, null))
                    .send();
            refused.problem(503);
            assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
        } finally {
            CATALOG.available(true);
        }
        assertThat(uploadRows()).isEqualTo(uploadsBefore);
        assertThat(workFiles()).isEqualTo(filesBefore);

        uploads.create(admin, body(title, "now.mp4", 1000, null, null)).send().ok(201);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private String create(long length) {
        return uploads.create(admin, body(CATALOG.addTitle(), "master.mp4", length, null, "FAST"))
                .send()
                .ok(201)
                .path("id")
                .asString();
    }

    private static Map<String, Object> body(
            UUID title, String filename, long length, @Nullable String ladder, @Nullable String profile) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("titleId", title.toString());
        body.put("filename", filename);
        body.put("length", length);
        if (ladder != null) {
            body.put("ladder", ladder);
        }
        if (profile != null) {
            body.put("profile", profile);
        }
        return body;
    }

    private TestHttp.Response head(String id) {
        return api.method("HEAD", UploadClient.UPLOADS + "/" + id).token(admin).send();
    }

    private long offsetOf(String id) {
        var response = head(id);
        assertThat(response.status()).isEqualTo(200);
        return Long.parseLong(response.header("Upload-Offset"));
    }

    private long jobsFor(String id) {
        return jdbc.sql("SELECT count(*) FROM jobs WHERE upload_id = :id")
                .param("id", UUID.fromString(id))
                .query(Long.class)
                .single();
    }

    private long uploadRows() {
        return jdbc.sql("SELECT count(*) FROM uploads").query(Long.class).single();
    }

    private static Path partFile(String id) {
        return WORK.resolve("encoder").resolve("uploads").resolve(id + ".part");
    }

    private static Path masterDir(String id) {
        return WORK.resolve("encoder").resolve("masters").resolve(id);
    }

    /** Every file and directory under the work directory's uploads/ and masters/. */
    private static Set<String> workFiles() throws IOException {
        Path root = WORK.resolve("encoder");
        if (!Files.exists(root)) {
            return Set.of();
        }
        try (Stream<Path> tree = Files.walk(root)) {
            return tree.map(root::relativize).map(Path::toString).collect(Collectors.toSet());
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A temporary work directory, deleted when the tests end or, should the context fail to start, at JVM exit. */
    private static Path createTempDirectory() {
        try {
            Path dir = Files.createTempDirectory("upload-it");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
