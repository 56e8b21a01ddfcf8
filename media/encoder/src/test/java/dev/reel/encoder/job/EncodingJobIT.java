package dev.reel.encoder.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.encoder.EncoderApplication;
import dev.reel.encoder.TestMasters;
import dev.reel.encoder.ffmpeg.FfmpegException;
import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.files.FileTrees;
import dev.reel.encoder.job.JobRequest.EncodingProfile;
import dev.reel.encoder.job.JobRequest.LadderMode;
import dev.reel.keystore.ContentKey;
import dev.reel.keystore.ContentKeyReader;
import dev.reel.keystore.LicenceKeys;
import dev.reel.origin.OriginObject;
import dev.reel.origin.OriginStore;
import dev.reel.testkit.TestInfra;
import dev.reel.testkit.TestTokenDecoder;
import dev.reel.testkit.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A job end to end against real engines (embedded PostgreSQL for jobs and keys, a KRaft broker, ffmpeg, a filesystem
 * origin): an 8 s 320x180 master with two audio tracks and a subtitle goes through every stage to an encrypted,
 * published title; a broken master fails with a reason and, once restored, a retry finishes it.
 */
@SpringBootTest(
        classes = {EncoderApplication.class, TestTokenDecoder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EncodingJobIT {

    @Autowired
    JdbcClient jdbc;

    private static final Path WORK = tempDir();
    private static final KeyPair LICENCE = LicenceKeys.generate();
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);
    private static final List<String> STAGES = List.of("QUEUED", "ANALYSING", "ENCODING", "PACKAGING", "PUBLISHING");

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.registerPostgres(registry, "encoder");
        TestInfra.registerKafka(registry);
        LicenceKeys.writePem(LICENCE, WORK.resolve("secrets"));
        registry.add("reel.encoder.work-dir", () -> WORK.resolve("encoder").toString());
        registry.add("reel.encoder.origin.root", () -> WORK.resolve("origin").toString());
        registry.add("reel.encoder.keys.url", () -> TestInfra.jdbcUrl("keys"));
        registry.add("reel.encoder.keys.public-key", () -> WORK.resolve("secrets/licence-public.pem")
                .toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    Jobs jobs;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OriginStore origin;

    private final FfmpegRunner ffmpeg = FfmpegRunner.fromEnvironment();
    private final String admin = TestTokens.admin(UUID.randomUUID());
    private StudioApi api;
    private Path master;

    @BeforeAll
    void setUp() throws IOException {
        api = new StudioApi(port);
        master = TestMasters.generate(
                ffmpeg, Files.createDirectories(WORK.resolve("masters")).resolve("good.mp4"), 8);
    }

    @AfterAll
    void cleanUp() throws IOException {
        // A job's own clean-up may still be deleting its scratch directory; FileTrees tolerates that.
        FileTrees.deleteRecursively(WORK);
    }

    @Test
    @Order(1)
    void aJobGoesThroughEveryStageToAnEncryptedPublishedTitle() throws Exception {
        UUID titleId = UUID.randomUUID();
        UUID jobId = submit(titleId, master);
        List<JsonNode> streamed = api.streamEvents(jobId, admin);

        JsonNode job = api.await(jobId, admin, j -> isFinished(j), JOB_TIMEOUT);
        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.path("percent").asInt()).isEqualTo(100);
        assertThat(job.path("etaSeconds").asLong()).isZero();
        assertThat(job.path("finishedAt").isNull()).isFalse();
        JsonNode tasks = job.path("tasks");
        assertThat(tasks.path("done").asInt()).isEqualTo(tasks.path("total").asInt());
        assertThat(tasks.path("failed").asInt()).isZero();

        // The per-title ladder and its measurements are stored for the studio's chart, next to the fixed ladder.
        JsonNode ladder = job.path("ladder");
        assertThat(ladder.path("kind").asString()).isEqualTo("PER_TITLE");
        assertThat(ladder.path("points").size()).isEqualTo(6); // 256x144 and 320x180 at three CRFs
        assertThat(ladder.path("hull").size()).isPositive();
        assertThat(ladder.path("policy").isObject()).isTrue();
        int rungs = ladder.path("rungs").size();
        assertThat(rungs).isPositive();
        assertThat(job.path("fixedLadder").path("kind").asString()).isEqualTo("FIXED");
        assertThat(job.path("fixedLadder").path("rungs").size()).isPositive();
        assertThat(job.path("chunks").asInt()).isEqualTo(2);
        assertThat(job.path("mediaInfo").path("audioTracks").size()).isEqualTo(2);

        // Every task count adds up: rungs × chunks + 2 audio + subtitles + trickplay + analyse + package + publish.
        assertThat(tasks.path("total").asInt()).isEqualTo(rungs * 2 + 2 + 1 + 1 + 3);
        // Each task that runs ffmpeg records its CPU time, which is what the farm's overhead is measured against.
        assertThat(jdbc.sql("SELECT kind FROM tasks WHERE job_id = :job AND kind NOT IN ('SUBTITLES', 'PUBLISH')"
                                + " AND coalesce(cpu_millis, 0) = 0")
                        .param("job", jobId)
                        .query(String.class)
                        .list())
                .as("tasks without CPU time")
                .isEmpty();
        assertThat(tasks.path("cpuSeconds").asDouble()).isPositive();

        JsonNode result = job.path("result");
        String version = result.path("originVersion").asString();
        assertThat(version).isNotBlank();
        assertThat(result.path("durationMillis").asLong()).isBetween(7900L, 8100L);
        assertThat(result.path("renditions").size()).isEqualTo(rungs);
        assertThat(result.path("audioLanguages").values())
                .extracting(JsonNode::asString)
                .containsExactly("eng", "fra");
        assertThat(result.path("subtitleLanguages").values())
                .extracting(JsonNode::asString)
                .containsExactly("eng");
        assertThat(result.path("codecs").values())
                .extracting(JsonNode::asString)
                .anyMatch(c -> c.startsWith("avc1"));
        String keyId = result.path("keyId").asString();
        assertThat(keyId).hasSize(32);

        // Both manifests are in the origin, and every rung has the same segments.
        String title = titleId.toString();
        assertThat(origin.current(title))
                .hasValueSatisfying(p -> assertThat(p.version()).isEqualTo(version));
        assertThat(read(title, "master.m3u8")).contains("#EXT-X-STREAM-INF");
        assertThat(read(title, "manifest.mpd")).contains("<MPD");
        List<Integer> segmentsPerRung = new ArrayList<>();
        for (JsonNode rendition : result.path("renditions")) {
            segmentsPerRung.add(
                    segments(title, "video/" + rendition.path("id").asString()).size());
        }
        assertThat(segmentsPerRung).containsOnly(2).hasSize(rungs);
        assertThat(result.path("segmentCount").asInt()).isEqualTo(2);

        // Every rendition decrypts with the stored key (read with the licence private key), and not without it.
        ContentKey key = new ContentKeyReader(keysDatabase(), LICENCE.getPrivate())
                .find(HexFormat.of().parseHex(keyId))
                .orElseThrow();
        for (JsonNode rendition : result.path("renditions")) {
            Path file = download(title, "video/" + rendition.path("id").asString());
            assertThat(decodedFrames(file, key, "v")).as(rendition.toString()).isEqualTo(192);
        }
        List<String> audioRenditions = java.util.regex.Pattern.compile("URI=\"(audio/[^/\"]+)/[^\"]+\"")
                .matcher(read(title, "master.m3u8"))
                .results()
                .map(match -> match.group(1))
                .distinct()
                .toList();
        assertThat(audioRenditions).hasSize(2);
        for (String audio : audioRenditions) {
            Path file = download(title, audio);
            assertThat(decodedFrames(file, key, "a")).as(audio).isPositive();
        }
        Path top = download(
                title,
                "video/" + result.path("renditions").get(rungs - 1).path("id").asString());
        ContentKey wrong = ContentKey.generate();
        assertThatThrownBy(() -> decodedFrames(top, new ContentKey(key.keyId(), wrong.key()), "v"))
                .isInstanceOf(FfmpegException.class);
        try (var tree = Files.walk(WORK.resolve("origin"))) {
            assertThat(tree.filter(Files::isRegularFile).map(this::content))
                    .noneMatch(bytes -> indexOf(bytes, key.key()) >= 0);
        }

        // The job's scratch is gone; the master stays for retries.
        assertThat(WORK.resolve("encoder/jobs").resolve(jobId.toString())).doesNotExist();
        assertThat(master).exists();

        // The stream showed the stages in order and ended with the job done.
        awaitStreamEnd(streamed);
        List<String> streamedStates = distinctStates(streamed);
        assertThat(streamedStates.getLast()).isEqualTo("DONE");
        assertThat(streamedStates).contains("ENCODING");
        List<String> order = new ArrayList<>(STAGES);
        order.add("DONE");
        assertThat(streamedStates).isSortedAccordingTo((a, b) -> order.indexOf(a) - order.indexOf(b));

        // Kafka saw every stage change, in order, then the completion.
        List<JobEvents.Event> events = JobEvents.forJob(jobId, Set.of("EncodingCompleted"), Duration.ofSeconds(30));
        assertThat(events.getLast().type()).isEqualTo("EncodingCompleted");
        JsonNode completed = events.getLast().payload();
        assertThat(completed.path("titleId").asString()).isEqualTo(title);
        assertThat(completed.path("originVersion").asString()).isEqualTo(version);
        assertThat(completed.path("keyId").asString()).isEqualTo(keyId);
        assertThat(completed.path("ladderKind").asString()).isEqualTo("PER_TITLE");
        assertThat(completed.path("renditions").size()).isEqualTo(rungs);
        List<String> announcedStages = events.stream()
                .filter(e -> e.type().equals("EncodingProgressed"))
                .map(e -> e.payload().path("stage").asString())
                .distinct()
                .toList();
        assertThat(announcedStages).containsExactlyElementsOf(STAGES);
        assertThat(events.stream()
                        .filter(e -> e.type().equals("EncodingProgressed"))
                        .map(e -> e.payload().path("percent").asInt()))
                .isSorted();
    }

    @Test
    @Order(2)
    void theApiIsForAdminsAndAnswersWithProblems() {
        UUID unknown = UUID.randomUUID();
        JsonNode problem = api.get("/" + unknown, admin).problem(404);
        assertThat(problem.path("detail").asString()).contains(unknown.toString());
        api.get("/" + unknown + "/events", admin).problem(404);
        api.post("/" + unknown + "/retry", admin).problem(404);
        String member = TestTokens.member(UUID.randomUUID());
        api.get("/" + unknown, member).problem(403);
        api.get("", member).problem(403);
        api.post("/" + unknown + "/retry", member).problem(403);

        JsonNode page = api.get("?state=DONE&size=5", admin).ok(200);
        assertThat(page.path("items").size()).isPositive();
        assertThat(page.path("size").asInt()).isEqualTo(5);
        assertThat(page.path("items").get(0).path("state").asString()).isEqualTo("DONE");
        api.get("?size=500", admin).problem(400);
    }

    @Test
    @Order(3)
    void aBrokenMasterFailsWithAReasonAndARetryAfterTheFixFinishes() throws Exception {
        Path broken = WORK.resolve("masters/broken.mp4");
        Files.write(broken, "this is not a video at all".getBytes(StandardCharsets.UTF_8));
        UUID titleId = UUID.randomUUID();
        UUID jobId = submit(titleId, broken);

        JsonNode failed = api.await(jobId, admin, j -> isFinished(j), JOB_TIMEOUT);
        assertThat(failed.path("state").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.path("failedStage").asString()).isEqualTo("ANALYSING");
        assertThat(failed.path("failureReason").asString()).containsIgnoringCase("not a readable media file");
        assertThat(failed.path("tasks").path("failed").asInt()).isEqualTo(1);
        List<JobEvents.Event> events = JobEvents.forJob(jobId, Set.of("EncodingFailed"), Duration.ofSeconds(30));
        assertThat(events.getLast().type()).isEqualTo("EncodingFailed");
        assertThat(events.getLast().payload().path("stage").asString()).isEqualTo("ANALYSING");
        assertThat(events.getLast().payload().path("reason").asString()).containsIgnoringCase("media file");

        // Retrying only makes sense for failed jobs.
        UUID done = UUID.fromString(api.get("?state=DONE", admin)
                .ok(200)
                .path("items")
                .get(0)
                .path("id")
                .asString());
        api.post("/" + done + "/retry", admin).problem(409);

        Files.copy(master, broken, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        JsonNode retried = api.post("/" + jobId + "/retry", admin).ok(202);
        assertThat(retried.path("state").asString()).isEqualTo("ANALYSING");
        assertThat(retried.path("attempt").asInt()).isEqualTo(2);
        assertThat(retried.path("failureReason").isNull()).isTrue();

        JsonNode job = api.await(jobId, admin, j -> isFinished(j), JOB_TIMEOUT);
        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.path("result").path("originVersion").asString()).isNotBlank();
        assertThat(origin.current(titleId.toString())).isPresent();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private UUID submit(UUID titleId, Path file) {
        return transactions.execute(status -> jobs.submit(new JobRequest(
                titleId, UUID.randomUUID(), file, LadderMode.PER_TITLE, EncodingProfile.FAST, UUID.randomUUID())));
    }

    private static boolean isFinished(JsonNode job) {
        String state = job.path("state").asString();
        return state.equals("DONE") || state.equals("FAILED");
    }

    private String read(String title, String path) throws IOException {
        OriginObject object = origin.open(title, path).orElseThrow(() -> new AssertionError("no " + path));
        try (InputStream in = object.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The segment names of a rendition's media playlist, each checked to exist in the origin. */
    private List<String> segments(String title, String rendition) throws IOException {
        List<String> names = read(title, rendition + "/index.m3u8")
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        for (String name : names) {
            assertThat(origin.open(title, rendition + "/" + name))
                    .as(rendition + "/" + name)
                    .isPresent();
        }
        return names;
    }

    /** The rendition's init segment and media segments, concatenated into one fragmented MP4. */
    private Path download(String title, String rendition) throws IOException {
        Path file = Files.createTempFile(WORK, "rendition-", ".mp4");
        try (OutputStream out = Files.newOutputStream(file)) {
            List<String> parts = new ArrayList<>();
            parts.add("init.mp4");
            parts.addAll(segments(title, rendition));
            for (String part : parts) {
                try (InputStream in =
                        origin.open(title, rendition + "/" + part).orElseThrow().openStream()) {
                    in.transferTo(out);
                }
            }
        }
        return file;
    }

    /** Decrypts and decodes every frame of one stream type; any decoding error fails the run. */
    private int decodedFrames(Path file, ContentKey key, String stream) {
        String out = ffmpeg.ffmpeg(List.of(
                        "-v",
                        "error",
                        "-xerror",
                        "-decryption_key",
                        HexFormat.of().formatHex(key.key()),
                        "-fflags",
                        "+ignidx",
                        "-i",
                        FfmpegRunner.fileArgument(file),
                        "-map",
                        "0:" + stream,
                        "-f",
                        "framemd5",
                        "-"))
                .stdout();
        return (int) out.lines().filter(line -> !line.startsWith("#")).count();
    }

    private DriverManagerDataSource keysDatabase() {
        return new DriverManagerDataSource(TestInfra.jdbcUrl("keys"), "postgres", "");
    }

    private static void awaitStreamEnd(List<JsonNode> streamed) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && (streamed.isEmpty() || !isFinished(streamed.getLast()))) {
            Thread.sleep(100);
        }
    }

    private static List<String> distinctStates(List<JsonNode> streamed) {
        List<String> states = new ArrayList<>();
        for (JsonNode job : streamed) {
            String state = job.path("state").asString();
            if (states.isEmpty() || !states.getLast().equals(state)) {
                states.add(state);
            }
        }
        return states;
    }

    private byte[] content(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("encoding-job-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
